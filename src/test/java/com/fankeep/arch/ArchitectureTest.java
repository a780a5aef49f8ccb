package com.fankeep.arch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules hold for FanKeep, and each one fires on a planted violation (com.fankeep.archfixture). */
class ArchitectureTest {

    private static final String ROOT = "com.fankeep";
    private static final String FIXTURE = "com.fankeep.archfixture";

    private static JavaClasses app;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void onlyTheBenchmarksAndProcessCpuTouchComSunManagementWhichThePackagedRuntimeLacks() {
        // the installed app's runtime has no jdk.management: a class of it loaded on the app's path fails there only
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideOutsideOfPackage(ROOT + ".core.bench..")
                .and().doNotHaveFullyQualifiedName(ROOT + ".core.shared.ProcessCpu$Sun")
                .should().dependOnClassesThat().resideInAPackage("com.sun.management..")
                .check(app);
    }

    @Test
    void coreIsFreeOfUiAndCli() {
        ArchRules.coreIsFreeOfUiAndCli(ROOT).check(app);
    }

    @Test
    void uiUsesServicesOnly() {
        ArchRules.edgesUseServicesOnly(ROOT, "ui").check(app);
    }

    @Test
    void cliUsesServicesOnly() {
        ArchRules.edgesUseServicesOnly(ROOT, "cli").check(app);
    }

    @Test
    void uiDoesNotDependOnCli() {
        ArchRules.edgesAreIndependent(ROOT).check(app);
    }

    @Test
    void coreRuleFiresOnJavaFxAndPicocliInCore() {
        assertThatThrownBy(() -> ArchRules.coreIsFreeOfUiAndCli(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BadCoreUsesJavaFx")
                .hasMessageContaining("javafx.scene.control.Label")
                .hasMessageContaining("BadCoreUsesPicocli")
                .hasMessageContaining("picocli.CommandLine");
    }

    @Test
    void uiRuleFiresOnRepositoryAndJooqInUi() {
        assertThatThrownBy(() -> ArchRules.edgesUseServicesOnly(FIXTURE, "ui").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BadUiUsesRepository")
                .hasMessageContaining("CustomerRepository")
                .hasMessageContaining("BadUiUsesJooq")
                .hasMessageContaining("org.jooq.DSLContext");
    }

    @Test
    void cliRuleFiresOnRepositoryInCli() {
        assertThatThrownBy(() -> ArchRules.edgesUseServicesOnly(FIXTURE, "cli").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BadCliUsesRepository");
    }

    @Test
    void edgeRuleFiresOnUiCallingCli() {
        assertThatThrownBy(() -> ArchRules.edgesAreIndependent(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BadUiUsesCli");
    }

    @Test
    void cleanFixtureClassesPassTheirRules() {
        JavaClasses clean = new ClassFileImporter().importClasses(
                com.fankeep.archfixture.core.CustomerService.class, com.fankeep.archfixture.ui.GoodUiUsesService.class);
        assertThatCode(() -> ArchRules.coreIsFreeOfUiAndCli(FIXTURE).check(clean)).doesNotThrowAnyException();
        assertThatCode(() -> ArchRules.edgesUseServicesOnly(FIXTURE, "ui").check(clean)).doesNotThrowAnyException();
    }
}
