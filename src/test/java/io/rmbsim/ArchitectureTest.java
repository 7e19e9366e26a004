package io.rmbsim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rmbsim.web.Problem;
import io.rmbsim.web.Problems;
import org.junit.jupiter.api.Test;

/**
 * The shape of the service, checked on its classes: the top-level packages depend on each other
 * without loops; the settlement core (the engine, its live driver and the cluster it runs in) speaks
 * its own language and throws its own exceptions, which the web layer alone turns into problems; and
 * every problem body is made by one factory. (The engine's own allow list is
 * {@code settlement.EngineIsPlainJavaTest}.)
 */
public class ArchitectureTest {

    /** The service's own classes, as the rules here and elsewhere check them. */
    public static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rmbsim");

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("io.rmbsim.(*)..").should().beFreeOfCycles()
                .because("a package that depends on another through a loop cannot be read, tested or moved on its own")
                .check(MAIN);
    }

    @Test
    void theSettlementCoreKnowsNothingOfTheWebLayer() {
        noClasses().that().resideInAnyPackage("io.rmbsim.settlement..", "io.rmbsim.sequencer..", "io.rmbsim.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rmbsim.web..", "jakarta.ws.rs..")
                .because("the core throws its own exceptions; the web layer maps them to problems in one place")
                .check(MAIN);
    }

    @Test
    void everyProblemIsMadeByTheOneFactory() {
        noClasses().that().doNotBelongToAnyOf(Problems.class, Problem.class)
                .should().callConstructor(Problem.class, String.class, String.class, int.class, String.class,
                        java.util.List.class, String.class)
                .orShould().callConstructor(Problem.class, String.class, String.class, int.class, String.class,
                        java.util.List.class, String.class, String.class)
                .because("a problem's type, title and status are written once, in web.Problems")
                .check(MAIN);
    }
}
