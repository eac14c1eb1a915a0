package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.customer.Consent;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /stop ends greetings and says truly how to get them back; /start and the button both bring them back. */
class ConsentIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    private Consent consent(String userId) {
        return engine.customerOf(userId).consent();
    }

    @Test
    void stopThenStartOptsBackIn() {
        ChatTranscript chat = engine.chat("6001", "Mina", "en");
        chat.user("/start").skipUnread().press("Yes, please").skipUnread()
                .user("/stop")
                .botAsks("You will receive no more greetings or offers. Your complaints and our answers are not affected. "
                                + "If you would like them again, send /start at any time.",
                        "Too many messages", "Not relevant to me", "I am no longer a customer", "Privacy concerns",
                        "Skip", "Receive greetings again");
        assertThat(consent("6001").granted()).isFalse();
        assertThat(consent("6001").source()).isEqualTo("telegram /stop");

        chat.user("/start")
                .botAsks("Welcome back: you will receive greetings and offers again.", "File a complaint", "My complaints",
                        "Make a suggestion", "Talk to a person", "Language");
        assertThat(consent("6001").granted()).isTrue();
        assertThat(consent("6001").source()).isEqualTo("telegram /start");
    }

    @Test
    void theButtonUnderStopOptsBackIn() {
        ChatTranscript chat = engine.chat("6002", "Jon", "en");
        chat.user("/start").skipUnread().press("Yes, please").skipUnread()
                .user("/stop").skipUnread()
                .press("Receive greetings again")
                .botSaysContaining("Thank you. We will keep in touch");
        assertThat(consent("6002").granted()).isTrue();
    }

    @Test
    void startAfterDecliningDoesNotOptInUnasked() {
        ChatTranscript chat = engine.readyChat("6003", "Ana");
        chat.user("/start")
                .botAsks("Welcome back, Ana.", "File a complaint", "My complaints", "Make a suggestion",
                        "Talk to a person", "Language");
        assertThat(consent("6003").granted()).isFalse();
    }

    @Test
    void stopInTheMiddleOfFilingKeepsTheComplaintGoing() {
        ChatTranscript chat = engine.chat("6004", "Lee", "en");
        chat.user("/start").skipUnread().press("Yes, please").skipUnread()
                .user("/complaint").skipUnread()
                .press("Billing").skipUnread()
                .user("/stop")
                .botSaysContaining("You will receive no more greetings or offers.")
                .botSays("Please describe what happened (Billing). Take all the room you need.");
        assertThat(consent("6004").granted()).isFalse();
    }

    @Test
    void stopThenStartOptsBackInInKorean() {
        ChatTranscript chat = engine.chat("6101", "민아", "ko");
        chat.user("/start").skipUnread().press("네, 받겠습니다").skipUnread()
                .user("/stop")
                .botAsks("앞으로 인사와 혜택 소식은 보내 드리지 않습니다.", "너무 잦은 메시지", "관심 없는 내용",
                        "더 이상 이용하지 않습니다", "개인정보 걱정", "건너뛰기", "다시 받겠습니다")
                .user("/start")
                .botSaysContaining("다시 인사와 혜택 소식을 보내 드리겠습니다.");
        assertThat(consent("6101").granted()).isTrue();

        chat.user("/stop").skipUnread()
                .press("다시 받겠습니다")
                .botSaysContaining("감사합니다. 앞으로 소식 전해 드리겠습니다.");
        assertThat(consent("6101").granted()).isTrue();
    }
}
