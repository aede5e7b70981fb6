package io.s2spay.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's boundaries, checked on its compiled main classes: a forbidden dependency fails the unit tier. */
class ModuleBoundariesTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.s2spay.domain");

    /** The domain is plain Java: no framework, no contract class, no gateway. */
    @Test
    void isPlainJavaInS2spaysOwnWords() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.s2spay.domain..", "java..")
                .check(MAIN_CLASSES);
    }
}
