package io.rmbsim.settlement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The engine is shared by the live service and the simulator: it carries no framework. */
class EngineIsPlainJavaTest {

    static final JavaClasses MAIN = io.rmbsim.ArchitectureTest.MAIN;

    @Test
    void settlementEngineImportsNoFramework() {
        noClasses().that().resideInAnyPackage("io.rmbsim.settlement..", "io.rmbsim.money..", "io.rmbsim.identifier..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..",
                        "io.smallrye..", "io.vertx..", "org.eclipse.microprofile..", "com.fasterxml..")
                .because("settlement rules are plain Java, fed by the live service and by the simulator")
                .check(MAIN);
    }

    @Test
    void settlementImportsOnlyJavaAndItself() {
        classes().that().resideInAPackage("io.rmbsim.settlement..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.rmbsim.settlement..")
                .because("an allow list, not a deny list: whatever a framework or another package of the service "
                        + "brings, the engine stays out of it")
                .check(MAIN);
    }

    @Test
    void settlementEngineDependsOnNothingElseOfTheService() {
        noClasses().that().resideInAPackage("io.rmbsim.settlement..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rmbsim.participant..", "io.rmbsim.ledger..",
                        "io.rmbsim.payment..", "io.rmbsim.web..", "io.rmbsim.simulation..")
                .check(MAIN);
    }
}
