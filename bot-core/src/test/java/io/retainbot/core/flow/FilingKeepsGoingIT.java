package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad references, stray commands and long texts in the middle of filing: answered politely, nothing lost. */
class FilingKeepsGoingIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    private List<ComplaintNote> notes(Complaint complaint) {
        return engine.transactor().inTransaction(session -> session.complaints().notes(complaint.id()));
    }

    @Test
    void aMalformedReferenceKeepsTheComplaintBeingFiled() {
        ChatTranscript chat = engine.readyChat("8001", "Mina");
        chat.user("/complaint").skipUnread().press("Delivery").skipUnread()
                .user("The parcel was left outside in the rain and everything is wet.").skipUnread()
                .user("/status C-0")
                .botSays("“C-0” is not a complaint reference I can read. References look like C-1042.")
                .botAsks("order or reference number", "Skip")
                .press("Skip").skipUnread()
                .press("Continue without")
                .botSaysContaining("What happened: The parcel was left outside in the rain and everything is wet.");
    }

    @Test
    void anotherFlowWaitsUntilTheComplaintIsFiledOrCancelled() {
        ChatTranscript chat = engine.readyChat("8002", "Jon");
        chat.user("/complaint").skipUnread().press("Product").skipUnread()
                .user("/suggest")
                .botSays("We are in the middle of filing your complaint, so I will keep it open. Let us finish it first, "
                        + "or send /cancel to drop it.")
                .botSays("Please describe what happened (Product). Take all the room you need.")
                .pressData(MainMenu.STATUS)
                .botSaysContaining("We are in the middle of filing your complaint")
                .botSaysContaining("Please describe what happened (Product).")
                .user("The kettle leaks from the bottom when it is full.")
                .botAsks("order or reference number", "Skip");
    }

    @Test
    void aValidReferenceIsShownAsideAndFilingContinues() {
        ChatTranscript chat = engine.readyChat("8003", "Ana");
        String ref = engine.fileComplaint(chat, "8003", "billing", "I was charged twice for one order.");
        chat.user("/complaint").skipUnread().press("Service").skipUnread()
                .user("/status " + ref)
                .botSaysContaining(ref + " · Billing", "I was charged twice for one order.")
                .botAsks("Please describe what happened (Service).");
    }

    @Test
    void anOrderNumberIsUpToFortyLettersDigitsDashesAndHashes() {
        ChatTranscript chat = engine.readyChat("8004", "Lee");
        chat.user("/complaint").skipUnread().press("Billing").skipUnread()
                .user("I was charged twice for the same order last week.").skipUnread()
                .user("my order is 5521")
                .botSays("An order number has only letters, digits, - and # (at most 40), for example ORD-5521 or #5521. "
                        + "Please check it, or press Skip.")
                .botAsks("order or reference number", "Skip")
                .user("A".repeat(41))
                .botSaysContaining("at most 40 characters")
                .botAsks("order or reference number", "Skip")
                .user("#ORD-5521-B")
                .botAsks("photos or files", "Continue without")
                .press("Continue without")
                .botSaysContaining("Order number: #ORD-5521-B");
    }

    @Test
    void aDescriptionOverFourThousandCharactersIsKeptWholeWithAPoliteNote() {
        String first = "The parcel arrived late and damaged. ".repeat(100);
        String rest = "Also the invoice was wrong. ".repeat(50);
        String description = (first + rest).strip();
        assertThat(description.length()).isGreaterThan(4000).isLessThan(6000);

        ChatTranscript chat = engine.readyChat("8005", "Ria");
        chat.user("/complaint").skipUnread().press("Delivery").skipUnread()
                .user(description)
                .botSays("Your description is longer than 4,000 characters. I kept the first 4,000 as the description "
                        + "and will add the rest to your complaint as a note, so nothing is lost.")
                .botAsks("order or reference number", "Skip")
                .press("Skip").skipUnread()
                .press("Continue without").skipUnread()
                .press("Send complaint")
                .botSaysMatching("Thank you\\. Your complaint is registered under reference C-\\d+.*");

        Complaint complaint = engine.complaintsOf("8005").get(0);
        assertThat(complaint.description().length()).isLessThanOrEqualTo(IntakeFlow.MAX_DESCRIPTION);
        assertThat(notes(complaint)).singleElement().satisfies(note ->
                assertThat(complaint.description() + " " + note.text()).isEqualTo(description));
    }

    @Test
    void aMalformedReferenceKeepsTheComplaintBeingFiledInKorean() {
        ChatTranscript chat = engine.chat("8101", "민아", "ko");
        chat.user("/start").skipUnread().press("아니요, 괜찮습니다").skipUnread()
                .user("/complaint").skipUnread().press("배송").skipUnread()
                .user("/status C-0")
                .botSays("“C-0”: 접수 번호 형식이 아닙니다. 접수 번호는 C-1042와 같은 모양입니다.")
                .botSaysContaining("‘배송’ 관련 불편 사항을 말씀해 주십시오.")
                .user("/suggest")
                .botSaysContaining("지금 불편 접수를 진행하고 있어")
                .botSaysContaining("‘배송’ 관련 불편 사항을 말씀해 주십시오.")
                .user("택배가 비를 맞아서 상자가 다 젖었어요.")
                .botAsks("주문 번호나 참조 번호가 있으십니까?", "건너뛰기")
                .user("주문번호 5521")
                .botSaysContaining("주문 번호에는 문자, 숫자, - 와 # 만 쓸 수 있습니다(최대 40자).");
    }

    @Test
    void aDescriptionOverFourThousandCharactersIsKeptWholeInKorean() {
        String description = "상자가 찌그러진 채로 도착했고 안의 컵이 깨져 있었습니다. ".repeat(150).strip();
        ChatTranscript chat = engine.chat("8102", "민아", "ko");
        chat.user("/start").skipUnread().press("아니요, 괜찮습니다").skipUnread()
                .user("/complaint").skipUnread().press("배송").skipUnread()
                .user(description)
                .botSays("적어 주신 내용이 4,000자를 넘습니다. 앞의 4,000자는 내용으로 두고, 나머지는 접수에 메모로 덧붙여 "
                        + "빠짐없이 남겨 두겠습니다.")
                .botAsks("주문 번호나 참조 번호가 있으십니까?", "건너뛰기");
    }
}
