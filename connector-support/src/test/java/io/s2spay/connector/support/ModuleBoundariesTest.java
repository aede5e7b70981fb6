package io.s2spay.connector.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's boundaries, checked on its compiled main classes: a forbidden dependency fails the unit tier. */
class ModuleBoundariesTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.s2spay.connector.support");

    /** What connectors share knows no service, platform, vault, sandbox or connector. */
    @Test
    void dependsOnNoServicePlatformVaultSandboxOrConnector() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.s2spay.platform..",
                        "io.s2spay.vault..",
                        "io.s2spay.sandbox..",
                        "io.s2spay.testkit..",
                        "io.s2spay.checkout..",
                        "io.s2spay.executor..",
                        "io.s2spay.poller..",
                        "io.s2spay.backoffice..",
                        "io.s2spay.connector.opp..",
                        "io.s2spay.connector.tokens..",
                        "io.s2spay.connector.orders..")
                .check(MAIN_CLASSES);
    }

    /** Plain Java: no framework, so a connector can be used without Spring. */
    @Test
    void usesNoSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(MAIN_CLASSES);
    }
}
