package io.retainbot.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** bot-core knows no platform SDK and no HTTP server, and only its store package knows Jdbi. */
@AnalyzeClasses(packages = "io.retainbot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTest {

    @ArchTest
    static final ArchRule coreKnowsNoPlatformSdkOrHttpServer = noClasses()
            .that().resideInAPackage("io.retainbot.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.telegram..", "net.dv8tion..", "io.javalin..", "org.eclipse.jetty..",
                    "okhttp3..", "jakarta.servlet..")
            .because("bot-core is platform-neutral: adapters translate, the core decides");

    @ArchTest
    static final ArchRule onlyTheStoreKnowsJdbi = noClasses()
            .that().resideInAPackage("io.retainbot.core..")
            .and().resideOutsideOfPackage("io.retainbot.core.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.flywaydb..")
            .because("services talk to ports; Jdbi stays behind them in the store package");

    @ArchTest
    static final ArchRule domainKnowsNoAdapterModule = noClasses()
            .that().resideInAPackage("io.retainbot.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.retainbot.telegram..", "io.retainbot.discord..", "io.retainbot.app..");
}
