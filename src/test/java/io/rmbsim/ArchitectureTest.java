package io.rmbsim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core speaks its own language: settlement's exceptions ({@code SettlementUnavailable},
 * {@code SettlementRefused}) are turned into problems in one place, at the edge. Still to come
 * (issue 13): {@code cluster} (its forwarding filter writes problem bodies) and a rule that the
 * top-level packages are free of cycles.
 */
public class ArchitectureTest {

    /** The service's own classes, as the rules here and elsewhere check them. */
    public static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rmbsim");

    @Test
    void theSettlementCoreKnowsNothingOfHttp() {
        noClasses().that().resideInAnyPackage("io.rmbsim.settlement..", "io.rmbsim.sequencer..")
                .should().dependOnClassesThat().resideInAnyPackage("io.rmbsim.web..", "jakarta.ws.rs..")
                .because("the core throws its own exceptions; the web layer maps them to problems")
                .check(MAIN);
    }
}
