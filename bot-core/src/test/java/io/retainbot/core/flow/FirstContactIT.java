package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.customer.Customer;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A first message is handled, not swallowed by the greeting; consent is asked once, when nothing else waits. */
class FirstContactIT {
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
    void filesTheComplaintAFirstMessageAsksForAndAsksAboutGreetingsAfterwards() {
        ChatTranscript chat = engine.chat("5001", "Mina", "en");
        chat.user("/complaint")
                .botSays("Hello, Mina, and welcome to Demo Shop. I am here to help with anything after your purchase.")
                .botAsks("What is it about?", "Delivery", "Product", "Service", "Billing", "Other")
                .press("Delivery").skipUnread()
                .user("The parcel arrived crushed and the vase inside is broken.").skipUnread()
                .press("Skip").skipUnread()
                .press("Continue without").skipUnread()
                .press("Send complaint")
                .botSaysMatching("Thank you\\. Your complaint is registered under reference C-\\d+\\. .*")
                .botAsks("May Demo Shop send you birthday greetings", "Yes, please", "No, thank you")
                .botSaysNothingMore()
                .press("Yes, please")
                .botSaysContaining("Thank you. We will keep in touch");

        assertThat(engine.complaintsOf("5001")).hasSize(1);
        assertThat(customer("5001").consent().granted()).isTrue();
    }

    @Test
    void asksAboutGreetingsOnlyOnceWhenTheCustomerDoesNotAnswer() {
        ChatTranscript chat = engine.chat("5002", "Jon", "en");
        chat.user("Where is my parcel?")
                .botSays("Hello, Jon, and welcome to Demo Shop. I am here to help with anything after your purchase.")
                .botAsks("What can I do for you?", "File a complaint", "My complaints", "Make a suggestion",
                        "Talk to a person", "Language")
                .botAsks("May Demo Shop send you birthday greetings", "Yes, please", "No, thank you")
                .user("It was due yesterday.")
                .botSaysContaining("I am the assistant of Demo Shop.")
                .botSaysNothingMore()
                .user("/menu")
                .botSaysContaining("What can I do for you?")
                .botSaysNothingMore();

        assertThat(customer("5002").consent().answered()).isFalse();
    }

    @Test
    void aReferenceAsFirstMessageIsLookedUp() {
        engine.chat("5003", "Ana", "en").user("C-1001")
                .botSays("Hello, Ana, and welcome to Demo Shop. I am here to help with anything after your purchase.")
                .botSaysContaining("I cannot find a complaint C-1001 of yours.")
                .botAsks("May Demo Shop send you birthday greetings", "Yes, please", "No, thank you");
    }

    @Test
    void filesTheComplaintAFirstMessageAsksForInKorean() {
        ChatTranscript chat = engine.chat("5101", "민아", "ko-KR");
        chat.user("/complaint")
                .botSaysContaining("민아님, 안녕하십니까. Demo Shop에 오신 것을 환영합니다.")
                .botAsks("어떤 일인지 선택해 주십시오.", "배송", "상품", "서비스", "결제", "기타")
                .press("상품").skipUnread()
                .user("받은 컵 손잡이가 첫날 떨어졌어요. 교환을 원합니다.").skipUnread()
                .press("건너뛰기").skipUnread()
                .press("첨부 없이 진행").skipUnread()
                .press("접수하기")
                .botSaysMatching("감사합니다\\. 접수가 완료되었습니다\\. 접수 번호: C-\\d+\\. .*")
                .botAsks("생일 축하", "네, 받겠습니다", "아니요, 괜찮습니다")
                .press("아니요, 괜찮습니다")
                .botSaysContaining("인사와 혜택 소식은 보내 드리지 않겠습니다");

        assertThat(engine.complaintsOf("5101")).hasSize(1);
        assertThat(customer("5101").consent().answered()).isTrue();
    }
}
