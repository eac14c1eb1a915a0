package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.complaint.KnownIssue;
import io.retainbot.core.complaint.KnownIssueCount;
import io.retainbot.core.complaint.KnownIssueOffer;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.KnownIssues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A new complaint that matches a known issue is offered its fix at once; the complaint stays filed. */
class KnownIssueIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;
    private KnownIssues issues;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
        issues = new KnownIssues(engine.transactor(), engine.business(), Set.copyOf(Messages.builtIn().languages()),
                engine.clock());
    }

    private KnownIssue kettleIssue() {
        return issues.create(new KnownIssue.Draft("Kettle K2 does not switch off",
                List.of("does not switch off", "keeps boiling", "안 꺼져", "hindi namamatay"), Set.of("product"),
                Map.of("en", "Hold the lid button for five seconds to reset the thermostat.",
                        "ko", "뚜껑 버튼을 5초 동안 눌러 온도 조절기를 초기화해 주세요.",
                        "tl", "Pindutin nang limang segundo ang button sa takip para ma-reset ang thermostat."), true));
    }

    private static ChatTranscript fileProduct(ChatTranscript chat, String productLabel, String description,
                                              String skip, String withoutFiles, String send) {
        return chat.user("/complaint").skipUnread()
                .press(productLabel).skipUnread()
                .user(description).skipUnread()
                .press(skip).skipUnread()
                .press(withoutFiles).skipUnread()
                .press(send);
    }

    @Test
    void offersTheKnownFixAtOnceAndKeepsTheComplaintFiledWhenItHelped() {
        KnownIssue issue = kettleIssue();
        ChatTranscript chat = fileProduct(engine.readyChat("1001", "Mina"), "Product",
                "My new kettle does not switch off after the water boils.", "Skip", "Continue without", "Send complaint");
        chat.botSaysMatching("Thank you\\. Your complaint is registered under reference C-\\d+\\. .*")
                .botAsks("This is a known issue, and this usually solves it:\n\n"
                        + "Hold the lid button for five seconds to reset the thermostat.\n\nDid it help?",
                        "Yes, that helped", "No, the problem remains")
                .press("Yes, that helped")
                .botSaysMatching("I am glad it helped\\. Your complaint C-\\d+ stays registered, .*")
                .botSaysNothingMore();

        Complaint complaint = engine.complaintsOf("1001").get(0);
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.OPEN);
        KnownIssueOffer offer = offerOn(complaint).orElseThrow();
        assertThat(offer.knownIssueId()).isEqualTo(issue.id());
        assertThat(offer.helped()).isTrue();
        assertThat(notes(complaint)).extracting(ComplaintNote::text).containsExactly(
                "Known issue \"Kettle K2 does not switch off\": its fix was offered to the customer",
                "Known issue \"Kettle K2 does not switch off\": the suggested fix helped");
    }

    @Test
    void aSecondAnswerIsNotedOnceAndTheFirstStands() {
        kettleIssue();
        ChatTranscript chat = fileProduct(engine.readyChat("1002", "Jon"), "Product",
                "The kettle keeps boiling and never stops.", "Skip", "Continue without", "Send complaint");
        chat.skipUnread().press("No, the problem remains")
                .botSaysMatching("Thank you for trying it, and I am sorry it did not help\\. .*")
                .pressData(KnownIssueAnswer.HELPED + engine.complaintsOf("1002").get(0).ref())
                .botSaysMatching("Thank you, your answer about C-\\d+ is already noted\\.");
        assertThat(offerOn(engine.complaintsOf("1002").get(0)).orElseThrow().helped()).isFalse();
    }

    @Test
    void offersNothingForAnotherCategoryOrOtherWordsOrAClosedIssue() {
        KnownIssue issue = kettleIssue();
        fileProduct(engine.readyChat("1003", "Ana"), "Delivery", "The kettle does not switch off, and it came late.",
                "Skip", "Continue without", "Send complaint")
                .botSaysMatching("Thank you\\. Your complaint is registered .*").botSaysNothingMore();
        fileProduct(engine.readyChat("1004", "Ben"), "Product", "The handle of the kettle is loose.",
                "Skip", "Continue without", "Send complaint")
                .botSaysMatching("Thank you\\. Your complaint is registered .*").botSaysNothingMore();
        issues.update(issue.id(), new KnownIssue.Draft(issue.title(), issue.symptoms(), issue.categories(),
                issue.fixes(), false));
        fileProduct(engine.readyChat("1005", "Cy"), "Product", "The kettle does not switch off.",
                "Skip", "Continue without", "Send complaint")
                .botSaysMatching("Thank you\\. Your complaint is registered .*").botSaysNothingMore();
        assertThat(List.of("1003", "1004", "1005")).allSatisfy(user ->
                assertThat(offerOn(engine.complaintsOf(user).get(0))).isEmpty());
    }

    @Test
    void anAnswerWhileFilingAnotherComplaintIsTakenAsideAndTheQuestionComesAgain() {
        kettleIssue();
        ChatTranscript chat = fileProduct(engine.readyChat("1006", "Dee"), "Product",
                "It does not switch off.", "Skip", "Continue without", "Send complaint");
        chat.skipUnread()
                .user("/complaint").botAsks("What is it about?", "Delivery", "Product", "Service", "Billing", "Other")
                .pressData(KnownIssueAnswer.HELPED + engine.complaintsOf("1006").get(0).ref())
                .botSaysContaining("I am glad it helped.")
                .botAsks("What is it about?", "Delivery", "Product", "Service", "Billing", "Other");
        assertThat(offerOn(engine.complaintsOf("1006").get(0)).orElseThrow().helped()).isTrue();
    }

    @Test
    void anotherCustomersComplaintCannotBeAnsweredWithAForgedButton() {
        kettleIssue();
        fileProduct(engine.readyChat("1007", "Eve"), "Product", "It does not switch off.", "Skip",
                "Continue without", "Send complaint");
        Complaint eves = engine.complaintsOf("1007").get(0);
        engine.readyChat("1008", "Mallory").pressData(KnownIssueAnswer.NOT_HELPED + eves.ref())
                .botSaysContaining("That button belongs to an earlier conversation");
        assertThat(offerOn(eves).orElseThrow().answered()).isFalse();
    }

    @Test
    void offersTheFixInKoreanFormally() {
        kettleIssue();
        engine.chat("1101", "민아", "ko-KR").user("/start").press("아니요, 괜찮습니다").skipUnread()
                .user("/complaint").skipUnread()
                .press("상품").skipUnread()
                .user("전기포트가 물이 끓어도 안 꺼져요.").skipUnread()
                .press("건너뛰기").skipUnread()
                .press("첨부 없이 진행").skipUnread()
                .press("접수하기")
                .botSaysMatching("감사합니다\\. 접수가 완료되었습니다\\. .*")
                .botAsks("이미 알려진 문제입니다. 보통 다음 방법으로 해결됩니다.\n\n뚜껑 버튼을 5초 동안 눌러 온도 조절기를 초기화해 주세요.",
                        "네, 해결되었습니다", "아니요, 문제가 계속됩니다")
                .press("아니요, 문제가 계속됩니다")
                .botSaysMatching("시도해 주셔서 감사합니다\\. .*");
        assertThat(offerOn(engine.complaintsOf("1101").get(0)).orElseThrow().helped()).isFalse();
    }

    @Test
    void offersTheFixInTagalogFriendly() {
        EngineFixture friendly = EngineFixture.start(db, engine.business().withDefaultTone(Tone.FRIENDLY),
                "2026-11-23T06:20:00Z");
        kettleIssue();
        friendly.chat("1201", "Maria", "fil-PH").user("/start").skipUnread()
                .press("Hindi na, salamat").skipUnread()
                .user("/complaint").skipUnread()
                .press("Produkto").skipUnread()
                .user("Hindi namamatay ang takure kahit kumukulo na.").skipUnread()
                .press("Laktawan").skipUnread()
                .press("Magpatuloy nang wala").skipUnread()
                .press("I-file ang reklamo")
                .botSaysMatching(".*C-\\d+.*")
                .botAsks("Kilala na namin ang problemang ito! Kadalasan, ganito ito naaayos:\n\n"
                                + "Pindutin nang limang segundo ang button sa takip para ma-reset ang thermostat.",
                        "Oo, ayos na!", "Hindi, sira pa rin")
                .press("Oo, ayos na!")
                .botSaysMatching("Ayos, buti naman at gumana! .*");
    }

    @Test
    void countsOffersAndAnswersPerIssue() {
        KnownIssue issue = kettleIssue();
        fileProduct(engine.readyChat("1301", "A"), "Product", "It does not switch off.", "Skip",
                "Continue without", "Send complaint").skipUnread().press("Yes, that helped");
        fileProduct(engine.readyChat("1302", "B"), "Product", "It keeps boiling.", "Skip",
                "Continue without", "Send complaint").skipUnread().press("No, the problem remains");
        fileProduct(engine.readyChat("1303", "C"), "Product", "It keeps boiling.", "Skip",
                "Continue without", "Send complaint");
        Instant now = engine.clock().instant();
        assertThat(issues.counts(now.minusSeconds(3600), now.plusSeconds(1)))
                .containsExactly(new KnownIssueCount(issue.id(), issue.title(), true, 3, 1, 1, 1));
        assertThat(issues.counts(now.plusSeconds(1), now.plusSeconds(3600)))
                .containsExactly(new KnownIssueCount(issue.id(), issue.title(), true, 0, 0, 0, 0));
        assertThat(issues.delete(issue.id())).isEqualTo(KnownIssues.Deletion.IN_USE);
    }

    private Optional<KnownIssueOffer> offerOn(Complaint complaint) {
        return engine.transactor().inTransaction(session -> session.knownIssues().offerOn(complaint.id()));
    }

    private List<ComplaintNote> notes(Complaint complaint) {
        return engine.transactor().inTransaction(session -> session.complaints().notes(complaint.id()));
    }
}
