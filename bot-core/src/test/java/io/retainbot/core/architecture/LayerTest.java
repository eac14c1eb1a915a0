package io.retainbot.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of bot-core, arrows pointing down only: engine and outbox above the domain, the domain
 * above the chat vocabulary, and the store beside everything as the one implementation of the ports.
 */
@AnalyzeClasses(packages = "io.retainbot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerTest {
    private static final String CORE = "io.retainbot.core.";
    private static final String[] DOMAIN = {
        CORE + "business..", CORE + "complaint..", CORE + "customer..", CORE + "feedback..", CORE + "staff..",
        CORE + "i18n..", CORE + "event.."};
    private static final String[] ABOVE_DOMAIN = {
        CORE + "engine..", CORE + "flow..", CORE + "outbox..", CORE + "outreach..", CORE + "port..", CORE + "store..",
        CORE + "reaction..", CORE + "usecase..", CORE + "schedule.."};

    @ArchTest
    static final ArchRule vocabularyImportsNothingOfOurs = noClasses()
            .that().resideInAPackage(CORE + "chat..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(DOMAIN, ABOVE_DOMAIN))
            .because("events, channel references, outbound messages and send outcomes are the words every part speaks");

    @ArchTest
    static final ArchRule domainKnowsNoEngineOutboxOrStore = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(ABOVE_DOMAIN)
            .because("complaints, customers and staff are plain records and rules, usable from any door");

    @ArchTest
    static final ArchRule outboxKnowsNoFlowsOrEngine = noClasses()
            .that().resideInAPackage(CORE + "outbox..")
            .should().dependOnClassesThat().resideInAnyPackage(CORE + "engine..", CORE + "flow..")
            .because("sending knows what to send and how it ended, not why it was said");

    @ArchTest
    static final ArchRule outreachWorksThroughPortsOnly = noClasses()
            .that().resideInAPackage(CORE + "outreach..")
            .should().dependOnClassesThat().resideInAnyPackage(CORE + "engine..", CORE + "flow..")
            .because("segments, templates, offers and broadcasts are used alike from the REST API and from "
                    + "scheduled runs; broadcasts queue into the outbox through its port");

    @ArchTest
    static final ArchRule flowsDoNoIo = noClasses()
            .that().resideInAPackage(CORE + "flow..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    CORE + "engine..", CORE + "outbox..", CORE + "port..", CORE + "store..")
            .because("a flow is a function of (state, event, now); the engine carries out its commands");

    @ArchTest
    static final ArchRule onlyTheStoreImplementsStorage = noClasses()
            .that().resideInAPackage("io.retainbot.core..")
            .and().resideOutsideOfPackage(CORE + "store..")
            .should().dependOnClassesThat().resideInAPackage(CORE + "store..")
            .because("everything talks to ports; bot-app alone wires the store in");

    @ArchTest
    static final ArchRule onlyTheTimekeeperKnowsTheScheduler = noClasses()
            .that().resideInAPackage("io.retainbot.core..")
            .and().resideOutsideOfPackage(CORE + "schedule..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.kagkarlsson..", CORE + "schedule..")
            .because("time enters through the timetable port and the engine's door; db-scheduler stays behind them");

    @ArchTest
    static final ArchRule reactionsAndUseCasesKnowNoEngine = noClasses()
            .that().resideInAnyPackage(CORE + "reaction..", CORE + "usecase..")
            .should().dependOnClassesThat().resideInAnyPackage(CORE + "engine..", CORE + "flow..")
            .because("use cases and reactions are called from every door, the engine among them");

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
