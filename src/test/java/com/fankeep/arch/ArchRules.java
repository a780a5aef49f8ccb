package com.fankeep.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** The allowed arrows between packages (docs/ARCHITECTURE.md), for any root package so they can be tested on fixtures. */
final class ArchRules {

    private ArchRules() {
    }

    /** core holds the logic: no JavaFX, no picocli, and it never reaches up into ui or cli. */
    static ArchRule coreIsFreeOfUiAndCli(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "org.controlsfx..",
                        "atlantafx..", "org.kordamp..", root + ".ui..", root + ".cli..")
                .as("core never depends on JavaFX, picocli, ui or cli");
    }

    /** ui and cli talk to services only: never to a repository, jOOQ or its generated tables. */
    static ArchRule edgesUseServicesOnly(String root, String edge) {
        return noClasses().that().resideInAPackage(root + "." + edge + "..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", root + ".core.db.jooq..")
                .as(edge + " never touches repositories or jOOQ");
    }

    /** The CLI and the UI are two edges over the same core; they do not call each other. */
    static ArchRule edgesAreIndependent(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAPackage(root + ".cli..")
                .orShould().dependOnClassesThat().resideInAnyPackage("picocli..")
                .as("ui does not depend on cli");
    }
}
