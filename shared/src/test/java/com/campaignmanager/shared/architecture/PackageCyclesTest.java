package com.campaignmanager.shared.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shared packages depend on each other in one direction only: concerns (db, http, json, config, aws) below,
 * domain areas above them, and no two areas reaching into each other both ways. A cycle makes every change of
 * one package a change of the other.
 */
class PackageCyclesTest {
    private static final JavaClasses SHARED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.campaignmanager.shared");

    @Test
    void sharedHasNoPackageCycles() {
        slices().matching("com.campaignmanager.shared.(*)..").should().beFreeOfCycles().check(SHARED);
    }
}
