package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StartFlowIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    private Customer customer(String userId) {
        return engine.customerOf(userId);
    }

    @Test
    void greetsAFirstMessageAndAsksForConsentOnce() {
        ChatTranscript chat = engine.chat("3001", "Mina", "en-GB");
        chat.user("hello?")
                .botSays("Hello, Mina, and welcome to Demo Shop. I am here to help with anything after your purchase.")
                .botAsks("What can I do for you?", "File a complaint", "My complaints", "Make a suggestion",
                        "Talk to a person", "Language")
                .botAsks("May Demo Shop send you birthday greetings", "Yes, please", "No, thank you")
                .press("No, thank you")
                .botSaysContaining("Understood: no greetings or offers.")
                .user("/start")
                .botAsks("Welcome back, Mina.", "File a complaint", "My complaints", "Make a suggestion",
                        "Talk to a person", "Language");

        assertThat(customer("3001").consent().granted()).isFalse();
        assertThat(customer("3001").consent().answeredAt()).isNotNull();
    }

    @Test
    void recordsConsentWithItsSource() {
        engine.chat("3002", "Jon", "en").user("/start").skipUnread().press("Yes, please");

        assertThat(customer("3002").consent().granted()).isTrue();
        assertThat(customer("3002").consent().source()).isEqualTo("telegram button");
    }

    @Test
    void stopWithdrawsConsentAndKeepsTheConversationGoing() {
        ChatTranscript chat = engine.chat("3003", "Ana", "en");
        chat.user("/start").skipUnread().press("Yes, please").skipUnread()
                .user("/stop")
                .botSaysContaining("You will receive no more greetings or offers.");
        assertThat(customer("3003").consent().granted()).isFalse();
    }

    @Test
    void speaksTheLanguageOfThePlatformHint() {
        engine.chat("3004", "민아", "ko-KR").user("/start")
                .botSaysContaining("민아")
                .botOffers("네, 받겠습니다", "아니요, 괜찮습니다");
        engine.chat("3005", "Maria", "fil").user("/start")
                .botSaysContaining("Maria");
        assertThat(customer("3004").language()).isEqualTo("ko");
        assertThat(customer("3005").language()).isEqualTo("tl");
    }

    @Test
    void switchesLanguageWithButtonsAndRemembersIt() {
        ChatTranscript chat = engine.readyChat("3006", "Lee");
        chat.user("/language")
                .botAsks("Which language would you like?", "English", "한국어", "Tagalog")
                .press("한국어")
                .botAsks("지금부터 한국어로 안내해 드리겠습니다.\n\n안내받으실 말투를 선택해 주십시오.", "격식 있게", "편하게")
                .user("/complaint")
                .botOffers("배송", "상품");
        assertThat(customer("3006").language()).isEqualTo("ko");
    }

    @Test
    void conversationStartedGreetsWithoutText() {
        ChannelRef channel = EngineFixture.channel("3007");
        ChatTranscript chat = engine.chat("3007", "", "en");
        chat.send(new InboundEvent.ConversationStarted(channel, new Sender("3007", "", "en"), "start-3007",
                        engine.clock().instant()))
                .botSays("Hello, and welcome to Demo Shop. I am here to help with anything after your purchase.");
    }
}
