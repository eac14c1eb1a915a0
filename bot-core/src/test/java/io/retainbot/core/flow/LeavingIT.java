package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Leaving greetings and offers: /stop and the "Stop these messages" button end them at once and ask,
 * once and optionally, why; the answers are kept for the outreach report.
 */
class LeavingIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    private ChatTranscript consenting(String userId, String name, String language, String yes) {
        return engine.chat(userId, name, language).user("/start").skipUnread().press(yes).skipUnread();
    }

    private Map<String, Object> optOut(String userId) {
        long customer = engine.customerOf(userId).id();
        return db.row("select source, coalesce(reason, '') as reason, coalesce(reason_text, '') as reason_text "
                + "from opt_out where customer_id = " + customer + " order by id desc limit 1");
    }

    @Test
    void aReasonPressedAfterStopIsKeptWithTheOptOut() {
        consenting("7001", "Mina", "en", "Yes, please")
                .user("/stop")
                .botAsks("May we ask why you no longer wish to receive them?", "Too many messages",
                        "Not relevant to me", "I am no longer a customer", "Privacy concerns", "Skip",
                        "Receive greetings again")
                .press("Too many messages")
                .botAsks("Thank you for telling us. We will take it to heart.", "File a complaint", "My complaints",
                        "Make a suggestion", "Talk to a person", "Language")
                .botSaysNothingMore();

        assertThat(engine.customerOf("7001").consent().granted()).isFalse();
        assertThat(optOut("7001")).containsEntry("source", "telegram /stop").containsEntry("reason", "too_many");
    }

    @Test
    void theirOwnWordsAreTheReason() {
        consenting("7002", "Jon", "en", "Yes, please")
                .user("/stop").skipUnread()
                .user("I moved to another city")
                .botSaysContaining("Thank you for telling us.");

        assertThat(optOut("7002")).containsEntry("reason", "other")
                .containsEntry("reason_text", "I moved to another city");
    }

    @Test
    void skippingTheQuestionLeavesTheOptOutUnanswered() {
        consenting("7003", "Ana", "en", "Yes, please")
                .user("/stop").skipUnread()
                .press("Skip")
                .botSaysContaining("Of course. Thank you for having been with us.");

        assertThat(optOut("7003")).containsEntry("reason", "");
        assertThat(engine.customerOf("7003").consent().granted()).isFalse();
    }

    @Test
    void theStopButtonUnderAMarketingMessageStopsAndAsksTheSame() {
        ChatTranscript chat = consenting("7004", "Lee", "en", "Yes, please");
        chat.pressData(LeavingFlow.STOP_BUTTON)
                .botSaysContaining("You will receive no more greetings or offers.", "May we ask why")
                .pressData("leave:privacy")
                .botSaysContaining("Thank you for telling us.");

        assertThat(optOut("7004")).containsEntry("source", "telegram stop button").containsEntry("reason", "privacy");
        // /start brings greetings back after the button as after the command
        chat.user("/start").botSaysContaining("Welcome back: you will receive greetings");
        assertThat(engine.customerOf("7004").consent().granted()).isTrue();
    }

    @Test
    void aCustomerWhoHadNoGreetingsIsNotAskedWhy() {
        engine.readyChat("7005", "Sol")
                .user("/stop")
                .botAsks("You will receive no more greetings or offers.", "Receive greetings again",
                        "File a complaint", "My complaints", "Make a suggestion", "Talk to a person", "Language")
                .botSaysNothingMore();

        assertThat(db.count("select count(*) from opt_out")).isZero();
    }

    @Test
    void aForgedReasonIsNotCounted() {
        consenting("7006", "Kim", "en", "Yes, please")
                .user("/stop").skipUnread()
                .pressData("leave:because_i_say_so")
                .botSaysContaining("May we ask why");

        assertThat(optOut("7006")).containsEntry("reason", "");
    }

    @Test
    void thanksUnderAMessageIsAnsweredKindly() {
        engine.readyChat("7007", "Ana")
                .pressData(LeavingFlow.THANKS_BUTTON)
                .botSaysContaining("Thank you! We are glad to hear from you");
    }

    @Test
    void askedWhyInKoreanAndTagalogInBothTones() {
        consenting("7101", "민아", "ko", "네, 받겠습니다")
                .user("/stop")
                .botSaysContaining("더 이상 받지 않으시려는 이유를 여쭈어도 되겠습니까?")
                .press("너무 잦은 메시지")
                .botSaysContaining("말씀해 주셔서 감사합니다.");
        assertThat(optOut("7101")).containsEntry("reason", "too_many");

        ChatTranscript tagalog = consenting("7201", "Maria", "tl", "Opo, gusto ko");
        tagalog.user("/stop")
                .botSaysContaining("Maaari po ba naming malaman kung bakit")
                .press("Hindi para sa akin")
                .botSaysContaining("Salamat po sa pagsasabi.");
        assertThat(optOut("7201")).containsEntry("reason", "not_relevant");
    }
}
