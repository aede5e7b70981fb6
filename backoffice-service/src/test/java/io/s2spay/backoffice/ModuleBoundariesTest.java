package io.s2spay.backoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's boundaries, checked on its compiled main classes: a forbidden dependency fails the unit tier. */
class ModuleBoundariesTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.s2spay.backoffice");

    /** Services talk through Kafka topics only; the sandbox and the test kit belong to tests. */
    @Test
    void dependsOnNoOtherService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.s2spay.checkout..",
                        "io.s2spay.executor..",
                        "io.s2spay.poller..",
                        "io.s2spay.sandbox..",
                        "io.s2spay.testkit..")
                .check(MAIN_CLASSES);
    }

    /** Gateways are reached through the gateway port only: each gateway family's connector is an adapter behind it. */
    @Test
    void reachesGatewaysThroughThePortOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.s2spay.connector..")
                .check(MAIN_CLASSES);
    }

    /** Package by feature: the features of the service do not depend on each other in a cycle. */
    @Test
    void hasNoCycleBetweenItsFeatures() {
        slices().matching("io.s2spay.backoffice.(*)..")
                .should()
                .beFreeOfCycles()
                .check(MAIN_CLASSES);
    }
}
