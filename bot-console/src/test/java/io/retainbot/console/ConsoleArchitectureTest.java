package io.retainbot.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The console works through bot-core's use cases and ports; its accounts know nothing of HTTP. */
@AnalyzeClasses(packages = "io.retainbot.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleArchitectureTest {

    @ArchTest
    static final ArchRule consoleNeverReachesIntoTheStore = noClasses()
            .that().resideInAPackage("io.retainbot.console..")
            .should().dependOnClassesThat().resideInAnyPackage("io.retainbot.core.store..", "org.jdbi..",
                    "org.flywaydb..", "java.sql..", "javax.sql..")
            .because("the console calls bot-core's use cases and ports, like the chat and the REST API do");

    @ArchTest
    static final ArchRule consoleKnowsNoAppOrPlatform = noClasses()
            .that().resideInAPackage("io.retainbot.console..")
            .should().dependOnClassesThat().resideInAnyPackage("io.retainbot.app..", "io.retainbot.telegram..",
                    "io.retainbot.discord..", "org.telegram..", "net.dv8tion..");

    @ArchTest
    static final ArchRule accountsKnowNoHttp = noClasses()
            .that().resideInAPackage("io.retainbot.console.access..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..",
                    "jakarta.servlet..", "gg.jte..")
            .because("accounts, sessions and throttles are decided without HTTP; the pages only show them");
}
