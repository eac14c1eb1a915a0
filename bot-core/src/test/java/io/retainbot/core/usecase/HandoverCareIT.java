package io.retainbot.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.feedback.HandoverAnswered;
import io.retainbot.core.feedback.HandoverClosed;
import io.retainbot.core.feedback.HandoverMessage;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.HandoverRequested;
import io.retainbot.core.feedback.HandoverTaken;
import io.retainbot.core.flow.HandoverFlow;
import io.retainbot.core.port.ConversationStore;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs.CloseHandover;
import io.retainbot.core.usecase.CareInputs.ReplyHandover;
import io.retainbot.core.usecase.CareInputs.TakeHandover;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A request to talk to a person, taken and closed by staff: the customer always knows who answers. */
class HandoverCareIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;
    private HandoverCare care;
    private StaffMember joon;
    private StaffMember ana;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        engine = EngineFixture.withReactions(db, MutableClock.at("2026-11-23T10:20:00Z"), Reactions.none(),
                BotContactPolicy.DEFAULT);
        care = engine.engine().handoverCare();
        Instant hired = Instant.parse("2026-11-01T00:00:00Z");
        joon = engine.transactor().inTransaction(session -> session.staff().add("Joon", StaffRole.AGENT, hired));
        ana = engine.transactor().inTransaction(session -> session.staff().add("Ana", StaffRole.AGENT, hired));
    }

    private ChatTranscript askingForAPerson(String userId, String language) {
        return engine.chat(userId, "Mina", language).user("/start").skipUnread().pressData("consent:no").skipUnread()
                .user("/human").skipUnread();
    }

    private HandoverRequest requestOf(String userId) {
        long customerId = engine.customerOf(userId).id();
        return engine.transactor().inTransaction(session -> session.feedback().openHandovers(100, 0)).stream()
                .filter(request -> request.customerId() == customerId).findFirst().orElseThrow();
    }

    private StaffMember agent(String name) {
        return engine.transactor().inTransaction(session -> session.staff().add(name, StaffRole.AGENT,
                engine.clock().instant()));
    }

    private List<HandoverLine> exchange(HandoverRequest request) {
        return engine.transactor().inTransaction(session -> HandoverCare.exchange(session, reload(request.id()),
                engine.clock().instant()));
    }

    private HandoverRequest reload(long id) {
        return engine.transactor().inTransaction(session -> session.feedback().findHandover(id).orElseThrow());
    }

    private List<String> eventKinds(String userId) {
        long customerId = engine.customerOf(userId).id();
        return engine.transactor().inTransaction(session -> session.events().ofCustomer(customerId, 100)).stream()
                .map(RecordedEvent::event).map(event -> event.kind()).filter(kind -> kind.startsWith("handover_")).toList();
    }

    @Test
    void takingTellsTheCustomerWhoAnswersNowAndRecordsIt() {
        ChatTranscript chat = askingForAPerson("8001", "en");
        HandoverRequest request = requestOf("8001");

        HandoverResult result = care.take(new TakeHandover(request.id(), Actor.staff(joon.id())));

        assertThat(result).isInstanceOf(HandoverResult.Done.class);
        HandoverRequest taken = reload(request.id());
        assertThat(taken.status()).isEqualTo(HandoverRequest.TAKEN);
        assertThat(taken.takenByStaffId()).isEqualTo(joon.id());
        assertThat(taken.takenAt()).isEqualTo(engine.clock().instant());
        chat.deliverPending().botAsks("Joon from RetainBot Demo Shop has taken over: from now on a person answers you "
                + "here, not the bot. When you are done, press the button below to go back to the bot.", "Back to the bot");
        var conversation = engine.transactor().inTransaction(session ->
                session.conversations().find(EngineFixture.channel("8001")).orElseThrow());
        assertThat(conversation.flow()).isEqualTo(HandoverFlow.NAME);
        assertThat(conversation.state()).isEqualTo(HandoverFlow.WITH_PERSON);
        assertThat(conversation.data().getOrEmpty(HandoverFlow.PERSON)).isEqualTo("Joon");
        assertThat(eventKinds("8001")).containsExactly(HandoverRequested.KIND, HandoverTaken.KIND);
    }

    @Test
    void closingHandsTheChatBackToTheBotInTheCustomersLanguage() {
        ChatTranscript chat = askingForAPerson("8002", "ko");
        HandoverRequest request = requestOf("8002");
        care.take(new TakeHandover(request.id(), Actor.staff(ana.id())));
        chat.deliverPending().skipUnread();

        HandoverResult result = care.close(new CloseHandover(request.id(), Actor.staff(ana.id())));

        assertThat(result).isInstanceOf(HandoverResult.Done.class);
        assertThat(reload(request.id()).status()).isEqualTo(HandoverRequest.CLOSED);
        chat.deliverPending().botAsks("RetainBot Demo Shop의 Ana 님이 대화를 다시 봇에게 넘겼습니다. 이야기해 주셔서 "
                + "감사합니다. 더 도와드릴 일이 있습니까?", "불편 접수하기", "내 접수 내역", "의견 보내기", "상담원 연결",
                "언어 (Language)");
        var conversation = engine.transactor().inTransaction(session ->
                session.conversations().find(EngineFixture.channel("8002")).orElseThrow());
        assertThat(conversation.handedOverAt()).isNull();
        assertThat(conversation.isIdle()).isTrue();
        assertThat(eventKinds("8002")).containsExactly(HandoverRequested.KIND, HandoverTaken.KIND, HandoverClosed.KIND);
        // the bot answers again: asking for a person now opens a new request
        chat.user("/human").botSaysContaining("고객 상담팀에 연결을 요청했습니다");
    }

    @Test
    void aSecondColleagueIsToldWhoHasTheConversation() {
        askingForAPerson("8003", "en");
        HandoverRequest request = requestOf("8003");
        care.take(new TakeHandover(request.id(), Actor.staff(joon.id())));

        HandoverResult second = care.take(new TakeHandover(request.id(), Actor.staff(ana.id())));

        assertThat(second).isEqualTo(new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                "handover request " + request.id() + " is already taken by Joon", "Joon"));
        assertThat(reload(request.id()).takenByStaffId()).isEqualTo(joon.id());
        // the one who has it pressing again changes nothing and is not refused
        assertThat(care.take(new TakeHandover(request.id(), Actor.staff(joon.id()))))
                .isInstanceOf(HandoverResult.Done.class);
        assertThat(eventKinds("8003")).containsExactly(HandoverRequested.KIND, HandoverTaken.KIND);
    }

    @Test
    void twoColleaguesTakingAtTheSameMomentOneWinsAndTheOtherIsToldWho() throws Exception {
        askingForAPerson("8004", "en");
        HandoverRequest request = requestOf("8004");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HandoverResult>> results = new ArrayList<>();
            for (StaffMember staff : List.of(joon, ana)) {
                Callable<HandoverResult> take = () -> {
                    start.await();
                    return care.take(new TakeHandover(request.id(), Actor.staff(staff.id())));
                };
                results.add(pool.submit(take));
            }
            start.countDown();
            HandoverResult first = results.get(0).get();
            HandoverResult second = results.get(1).get();

            long winner = reload(request.id()).takenByStaffId();
            String winnerName = winner == joon.id() ? "Joon" : "Ana";
            assertThat(List.of(first, second)).filteredOn(HandoverResult.Done.class::isInstance).hasSize(1);
            assertThat(List.of(first, second)).filteredOn(HandoverResult.Refused.class::isInstance)
                    .extracting(refused -> ((HandoverResult.Refused) refused).takenBy()).containsExactly(winnerName);
            assertThat(eventKinds("8004")).containsExactly(HandoverRequested.KIND, HandoverTaken.KIND);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAgentCannotHandBackAChatAColleagueHoldsButASupervisorCan() {
        askingForAPerson("8007", "en");
        HandoverRequest request = requestOf("8007");
        StaffMember lead = engine.transactor().inTransaction(session -> session.staff().add("Lee",
                StaffRole.SUPERVISOR, engine.clock().instant()));
        care.take(new TakeHandover(request.id(), Actor.staff(joon.id())));

        assertThat(care.close(new CloseHandover(request.id(), Actor.staff(ana.id()))))
                .isEqualTo(new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                        "handover request " + request.id() + " is already taken by Joon", "Joon"));
        assertThat(reload(request.id()).status()).isEqualTo(HandoverRequest.TAKEN);
        assertThat(care.close(new CloseHandover(request.id(), Actor.staff(lead.id()))))
                .isInstanceOf(HandoverResult.Done.class);
        assertThat(reload(request.id()).status()).isEqualTo(HandoverRequest.CLOSED);
    }

    @Test
    void refusesUnknownRequestsInactiveStaffAndClosedRequests() {
        askingForAPerson("8005", "en");
        HandoverRequest request = requestOf("8005");
        engine.transactor().inTransaction(session -> session.staff().setActive(ana.id(), false));

        assertThat(care.take(new TakeHandover(9999, Actor.staff(joon.id()))))
                .isEqualTo(new HandoverResult.Refused(CareResult.Reason.NOT_FOUND, "no handover request 9999", null));
        assertThat(care.take(new TakeHandover(request.id(), Actor.staff(ana.id()))))
                .isEqualTo(new HandoverResult.Refused(CareResult.Reason.UNKNOWN_STAFF,
                        "no active staff member " + ana.id(), null));
        assertThat(care.close(new CloseHandover(request.id(), Actor.admin()))).isInstanceOf(HandoverResult.Done.class);
        assertThat(care.take(new TakeHandover(request.id(), Actor.staff(joon.id()))))
                .isEqualTo(new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                        "handover request " + request.id() + " is closed", null));
        assertThat(care.close(new CloseHandover(request.id(), Actor.admin())))
                .isEqualTo(new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                        "handover request " + request.id() + " is closed", null));
        assertThatThrownBy(() -> new TakeHandover(request.id(), Actor.admin()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("staffId is required");
    }

    @Test
    void closingAnUntakenRequestTellsTheCustomerItWasCancelled() {
        ChatTranscript chat = askingForAPerson("8006", "en");
        HandoverRequest request = requestOf("8006");

        care.close(new CloseHandover(request.id(), Actor.admin()));

        chat.deliverPending().botAsks("I have cancelled your request for a person. I am here if you need anything else.",
                "File a complaint", "My complaints", "Make a suggestion", "Talk to a person", "Language");
        assertThat(engine.transactor().inTransaction(session -> session.events()
                .ofCustomer(engine.customerOf("8006").id(), 10)).stream().map(RecordedEvent::event)
                .filter(HandoverClosed.class::isInstance).map(HandoverClosed.class::cast))
                .singleElement().satisfies(closed -> assertThat(closed.takenByStaffId()).isNull());
    }

    @Test
    void thePersonsWordsReachTheCustomerUnderTheirNameAndAreLogged() {
        ChatTranscript chat = askingForAPerson("8008", "en");
        HandoverRequest request = requestOf("8008");
        care.take(new TakeHandover(request.id(), Actor.staff(joon.id())));
        chat.deliverPending().skipUnread();

        HandoverResult result = care.reply(new ReplyHandover(request.id(), Actor.staff(joon.id()),
                "  Your parcel left our store this morning.  "));

        assertThat(result).isInstanceOf(HandoverResult.Done.class);
        chat.deliverPending().botSays("Joon (RetainBot Demo Shop): Your parcel left our store this morning.")
                .user("Thank you!").botSaysNothingMore();
        long customerId = engine.customerOf("8008").id();
        List<Interaction> logged = engine.transactor().inTransaction(session ->
                session.interactions().ofCustomer(customerId, 3));
        assertThat(logged).extracting(Interaction::direction, Interaction::summary)
                .startsWith(org.assertj.core.groups.Tuple.tuple(Interaction.Direction.INBOUND, "Thank you!"),
                        org.assertj.core.groups.Tuple.tuple(Interaction.Direction.OUTBOUND,
                                "Joon (RetainBot Demo Shop): Your parcel left our store this morning."));
        assertThat(eventKinds("8008")).containsExactly(HandoverRequested.KIND, HandoverTaken.KIND,
                HandoverAnswered.KIND);
    }

    @Test
    void writingToAnOpenRequestTakesItFirstInTheCustomersLanguage() {
        ChatTranscript chat = askingForAPerson("8009", "ko");
        HandoverRequest request = requestOf("8009");

        care.reply(new ReplyHandover(request.id(), Actor.staff(ana.id()), "안녕하세요, 무엇을 도와드릴까요?"));

        chat.deliverPending().botSaysContaining("Ana").botSays("Ana (RetainBot Demo Shop): 안녕하세요, 무엇을 도와드릴까요?");
        assertThat(reload(request.id()).takenByStaffId()).isEqualTo(ana.id());
        assertThat(eventKinds("8009")).containsExactly(HandoverRequested.KIND, HandoverTaken.KIND,
                HandoverAnswered.KIND);
    }

    @Test
    void onlyThePersonWhoHasTheConversationWritesInItAndNotAfterItEnded() {
        ChatTranscript chat = askingForAPerson("8010", "en");
        HandoverRequest request = requestOf("8010");
        care.take(new TakeHandover(request.id(), Actor.staff(joon.id())));
        chat.deliverPending().skipUnread();

        assertThat(care.reply(new ReplyHandover(request.id(), Actor.staff(ana.id()), "Hello from Ana")))
                .isEqualTo(new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                        "handover request " + request.id() + " is already taken by Joon", "Joon"));
        care.close(new CloseHandover(request.id(), Actor.staff(joon.id())));
        chat.deliverPending().skipUnread();
        assertThat(care.reply(new ReplyHandover(request.id(), Actor.staff(joon.id()), "One more thing")))
                .isEqualTo(new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                        "handover request " + request.id() + " is closed", null));
        chat.deliverPending().botSaysNothingMore();
        assertThat(eventKinds("8010")).doesNotContain(HandoverAnswered.KIND);
        assertThatThrownBy(() -> new ReplyHandover(request.id(), Actor.staff(joon.id()), "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text must not be empty");
        assertThatThrownBy(() -> new ReplyHandover(request.id(), Actor.admin(), "Hi"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("staffId is required");
    }

    @Test
    void buttonsShownBeforeAPersonTookOverRemindTheCustomerWhoTheyTalkWithInsteadOfEndingIt() {
        ChatTranscript chat = askingForAPerson("8011", "en");
        HandoverRequest request = requestOf("8011");
        care.take(new TakeHandover(request.id(), Actor.staff(joon.id())));
        String withJoon = "You are talking with Joon from RetainBot Demo Shop, a person. Write your message and they "
                + "will answer here, or press the button below to go back to the bot.";

        chat.deliverPending().skipUnread()
                .pressOn("I have asked the customer care team", "Cancel request")
                .botAsks(withJoon, "Back to the bot")
                .pressOn("I have asked the customer care team", "Main menu")
                .botSays("A person from our team is talking with you now, so the menu waits until you are done.")
                .botAsks(withJoon, "Back to the bot")
                .user("/human").botAsks(withJoon, "Back to the bot")
                .user("Are you still there?").botSaysNothingMore();
        assertThat(reload(request.id()).status()).isEqualTo(HandoverRequest.TAKEN);
        assertThat(eventKinds("8011")).containsExactly(HandoverRequested.KIND, HandoverTaken.KIND);

        chat.pressOn("has taken over", "Back to the bot")
                .botSaysContaining("You are talking with me, the bot, again; I have let Joon know.");
        assertThat(reload(request.id()).status()).isEqualTo(HandoverRequest.CLOSED);
        // the same button of a talk that is over finds nothing to end
        chat.pressOn("has taken over", "Back to the bot").botSaysContaining("You have no open request for a person.");
    }

    @Test
    void cancelAsACommandEndsTheTalkWithThePerson() {
        ChatTranscript chat = askingForAPerson("8012", "tl");
        HandoverRequest request = requestOf("8012");
        care.take(new TakeHandover(request.id(), Actor.staff(ana.id())));

        chat.deliverPending().skipUnread().user("/cancel").botSaysContaining("Ana");
        assertThat(reload(request.id()).status()).isEqualTo(HandoverRequest.CLOSED);
        assertThat(eventKinds("8012")).containsExactly(HandoverRequested.KIND, HandoverTaken.KIND,
                io.retainbot.core.feedback.HandoverEnded.KIND);
    }

    @Test
    void theConversationShowsEveryWordSaidWithWhoWroteItOnceEach() {
        StaffMember mia = agent("Mia Santos");
        ChatTranscript chat = askingForAPerson("8013", "en");
        HandoverRequest request = requestOf("8013");
        String waiting = "While I wait: " + "the lid of the blender cracked on the second day. ".repeat(6) + "END-W";
        chat.user(waiting).skipUnread();
        care.take(new TakeHandover(request.id(), Actor.staff(mia.id())));
        chat.deliverPending().skipUnread();
        String talking = "Here is more: " + "it also leaks from the bottom when it runs. ".repeat(6) + "END-T";
        chat.user(talking).botSaysNothingMore();
        String answer = "Thank you for telling us. " + "We send a new lid and a new jug today. ".repeat(6) + "END-A";

        care.reply(new ReplyHandover(request.id(), Actor.staff(mia.id()), answer));
        chat.deliverPending().botSays("Mia (RetainBot Demo Shop): " + answer);
        List<HandoverLine> lines = exchange(request);

        assertThat(waiting.length()).isGreaterThan(Interaction.SUMMARY_LENGTH);
        assertThat(lines).filteredOn(line -> line.text().startsWith("While I wait")).singleElement().satisfies(line -> {
            assertThat(line.text()).isEqualTo(waiting);
            assertThat(line.fromCustomer()).isTrue();
        });
        assertThat(lines).filteredOn(line -> line.text().contains("it also leaks")).singleElement()
                .satisfies(line -> assertThat(line.text()).isEqualTo(talking));
        assertThat(lines).filteredOn(line -> line.text().contains("Thank you for telling us")).singleElement()
                .satisfies(line -> {
            assertThat(line.text()).isEqualTo(answer);
            assertThat(line.fromStaff()).isTrue();
            assertThat(line.staffId()).isEqualTo(mia.id());
            assertThat(line.kind()).isEqualTo(HandoverLine.PERSON_WROTE);
        });
        // the bot's own words stay the bot's, in order with the rest
        assertThat(lines).filteredOn(line -> line.text().startsWith("Mia from RetainBot Demo Shop has taken over"))
                .singleElement().satisfies(line -> assertThat(line.fromStaff() || line.fromCustomer()).isFalse());
        assertThat(lines).extracting(HandoverLine::at).isSorted();
    }

    @Test
    void customersKnowThePersonByTheFirstNameAndColleaguesByTheFullName() {
        StaffMember mia = agent("Mia  Santos Cruz");
        ChatTranscript chat = askingForAPerson("8014", "en");
        HandoverRequest request = requestOf("8014");

        care.reply(new ReplyHandover(request.id(), Actor.staff(mia.id()), "Hello, I am here."));

        chat.deliverPending().botSaysContaining("Mia from RetainBot Demo Shop has taken over")
                .botSays("Mia (RetainBot Demo Shop): Hello, I am here.")
                .pressOn("has taken over", "Back to the bot")
                .botSaysContaining("I have let Mia know.");
        assertThat(care.take(new TakeHandover(request.id(), Actor.staff(ana.id())))).isEqualTo(new HandoverResult
                .Refused(CareResult.Reason.CONFLICT, "handover request " + request.id() + " is closed", null));
        assertThat(mia.firstName()).isEqualTo("Mia");
    }

    @Test
    void thePhotosOfBothSidesAreKeptWithTheConversation() {
        ChatTranscript chat = askingForAPerson("8015", "en");
        HandoverRequest request = requestOf("8015");
        care.take(new TakeHandover(request.id(), Actor.staff(joon.id())));
        chat.deliverPending().skipUnread();
        chat.sendFiles("the cracked lid", new io.retainbot.core.chat.FileRef("tg-photo-1",
                io.retainbot.core.chat.FileRef.Kind.PHOTO, "image/jpeg", 1000, "")).botSaysNothingMore();
        io.retainbot.core.chat.Photo sent = new io.retainbot.core.chat.Photo("kept-photo-1");

        care.reply(new ReplyHandover(request.id(), Actor.staff(joon.id()), "Like this one?", List.of(sent)));
        chat.deliverPending().skipUnread();
        List<HandoverLine> lines = exchange(request);

        assertThat(lines).filteredOn(line -> !line.photos().isEmpty()).extracting(HandoverLine::text,
                        line -> line.photos().get(0), HandoverLine::fromStaff)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("the cracked lid", new io.retainbot.core.chat.Photo(
                                "tg-photo-1", io.retainbot.core.chat.Photo.Origin.TELEGRAM), false),
                        org.assertj.core.groups.Tuple.tuple("Like this one?", sent, true));
        assertThat(lines).filteredOn(line -> line.text().contains("cracked lid")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.text().contains("Like this one?")).hasSize(1);
        long messageId = lines.stream().filter(HandoverLine::fromStaff).findFirst().orElseThrow().messageId();
        Optional<HandoverMessage> kept = engine.transactor().inTransaction(session -> session.feedback()
                .findHandoverMessage(request.id(), messageId));
        assertThat(kept.orElseThrow().staffId()).isEqualTo(joon.id());
        Optional<HandoverMessage> elsewhere = engine.transactor().inTransaction(session -> session.feedback()
                .findHandoverMessage(request.id() + 1, messageId));
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void theStoreKnowsTheHandoverFlowByItsName() {
        assertThat(ConversationStore.HANDOVER_FLOW).isEqualTo(HandoverFlow.NAME);
    }
}
