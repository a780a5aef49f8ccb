package com.fankeep.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The UI reaches data only through core services. */
@AnalyzeClasses(packages = "com.fankeep", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {

    @ArchTest
    static final ArchRule uiNeverUsesJooq = noClasses().that().resideInAPackage("com.fankeep.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "com.fankeep.core.db.jooq..");

    @ArchTest
    static final ArchRule uiNeverUsesRepositories = noClasses().that().resideInAPackage("com.fankeep.ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule featurePagesDoNotKnowTheShell = noClasses()
            .that().resideInAnyPackage("com.fankeep.ui.today..", "com.fankeep.ui.customers..", "com.fankeep.ui.recovery..",
                    "com.fankeep.ui.groups..", "com.fankeep.ui.campaigns..", "com.fankeep.ui.launches..",
                    "com.fankeep.ui.imports..", "com.fankeep.ui.dashboard..", "com.fankeep.ui.settings..")
            .should().dependOnClassesThat().resideInAPackage("com.fankeep.ui.shell..");
}
