package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.FileRef;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IntakeFlowIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    @Test
    void filesAComplaintWithEveryStepAndPromisesLaterThanTheTarget() {
        ChatTranscript chat = engine.chat("1001", "Mina", "en");
        chat.user("/start")
                .botSaysContaining("Hello, Mina, and welcome to Demo Shop.")
                .botAsks("May Demo Shop send you birthday greetings", "Yes, please", "No, thank you")
                .press("Yes, please")
                .botAsks("Thank you. We will keep in touch", "File a complaint", "My complaints", "Make a suggestion",
                        "Talk to a person", "Language")
                .press("File a complaint")
                .botAsks("What is it about?", "Delivery", "Product", "Service", "Billing", "Other")
                .press("Delivery")
                .botSaysContaining("Please describe what happened (Delivery)")
                .user("The parcel arrived crushed and the vase inside is broken.")
                .botAsks("order or reference number", "Skip")
                .user("ORD-77812")
                .botAsks("photos or files", "Continue without")
                .sendFiles("the box", new FileRef("photo-1", FileRef.Kind.PHOTO, "image/jpeg", 2048, ""))
                .botAsks("Received: 1 file.", "Done")
                .press("Done")
                .botAsks("Please check your complaint:", "Send complaint", "Change something", "Cancel")
                .press("Send complaint")
                .botSaysMatching("Thank you\\. Your complaint is registered under reference C-\\d+\\. .*by tomorrow 16:00 at the latest.*");

        List<Complaint> complaints = engine.complaintsOf("1001");
        assertThat(complaints).hasSize(1);
        Complaint complaint = complaints.get(0);
        assertThat(complaint.category()).isEqualTo("delivery");
        assertThat(complaint.description()).isEqualTo("The parcel arrived crushed and the vase inside is broken.\nthe box");
        assertThat(complaint.orderReference()).isEqualTo("ORD-77812");
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(Duration.between(complaint.createdAt(), complaint.targetAt())).isEqualTo(Duration.ofHours(18));
        assertThat(complaint.promisedAt()).isAfter(complaint.targetAt());
        assertThat(engine.attachmentsOf(complaint)).extracting(attachment -> attachment.file().platformFileId())
                .containsExactly("photo-1");
    }

    @Test
    void asksOnceForMoreWhenTheDescriptionIsVeryShort() {
        ChatTranscript chat = engine.readyChat("1002", "Jon");
        chat.user("/complaint").skipUnread()
                .press("Product").skipUnread()
                .user("broken")
                .botAsks("Could you tell me a little more", "That is all")
                .user("The handle came off on the first day.")
                .botAsks("order or reference number", "Skip")
                .press("Skip").skipUnread()
                .press("Continue without")
                .botSaysContaining("What happened: broken\nThe handle came off on the first day.");
    }

    @Test
    void keepsStateWhenDescriptionIsEmpty() {
        ChatTranscript chat = engine.readyChat("1003", "Ana");
        chat.user("/complaint").skipUnread().press("Service").skipUnread()
                .user("   \u200b  ")
                .botSays("I did not receive any text. Please describe what happened in a few words.")
                .user("The technician never came although we waited all day.")
                .botAsks("order or reference number", "Skip");
    }

    @Test
    void letsTheCustomerEditTheDescriptionBeforeSending() {
        ChatTranscript chat = engine.readyChat("1004", "Lee");
        chat.user("/complaint").skipUnread().press("Billing").skipUnread()
                .user("I was charged twice for the same order last week.").skipUnread()
                .press("Skip").skipUnread().press("Continue without").skipUnread()
                .press("Change something")
                .botAsks("What would you like to change?", "Category", "Description", "Order number", "Files")
                .press("Description")
                .botSays("Please write the new description.")
                .user("I was charged three times for order 5521.")
                .botSaysContaining("Please check your complaint:", "What happened: I was charged three times for order 5521.")
                .press("Send complaint")
                .botSaysMatching("Thank you\\. Your complaint is registered under reference C-\\d+.*");
        assertThat(engine.complaintsOf("1004")).singleElement()
                .extracting(Complaint::description).isEqualTo("I was charged three times for order 5521.");
    }

    @Test
    void cancelLeavesNothingFiledAndOffersTheMenu() {
        ChatTranscript chat = engine.readyChat("1005", "Kim");
        chat.user("/complaint").skipUnread().press("Other").skipUnread()
                .user("/cancel")
                .botAsks("Done, I have stopped that. Nothing was filed.", "File a complaint", "My complaints",
                        "Make a suggestion", "Talk to a person", "Language");
        assertThat(engine.complaintsOf("1005")).isEmpty();
    }

    @Test
    void aStaleCategoryButtonRepeatsTheCurrentQuestion() {
        ChatTranscript chat = engine.readyChat("1006", "Ria");
        chat.user("/complaint").skipUnread().press("Delivery").skipUnread()
                .pressData("intake:cat:product")
                .botSaysContaining("That button belongs to an earlier step.")
                .botSaysContaining("Please describe what happened (Delivery)");
    }

    @Test
    void filesInOneStepFromAForm() {
        ChatTranscript chat = engine.readyChat("1007", "Sam");
        chat.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "product",
                        "description", "The screen has a dead pixel cluster in the corner."))
                .botSaysMatching("Thank you\\. Your complaint is registered under reference C-\\d+.*");
        Optional<Complaint> complaint = engine.complaintsOf("1007").stream().findFirst();
        assertThat(complaint).get().extracting(Complaint::category).isEqualTo("product");
    }

    @Test
    void aFormWithAnUnknownCategoryAsksForTheCategory() {
        ChatTranscript chat = engine.readyChat("1008", "Tom");
        chat.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "nonsense",
                        "description", "The screen has a dead pixel cluster in the corner."))
                .botAsks("What is it about?", "Delivery", "Product", "Service", "Billing", "Other")
                .press("Product")
                .botAsks("order or reference number", "Skip");
    }

    @Test
    void filesAComplaintInKorean() {
        engine.chat("1101", "민아", "ko-KR").user("/start")
                .botSaysContaining("민아님, 안녕하십니까. Demo Shop에 오신 것을 환영합니다.")
                .botAsks("생일 축하", "네, 받겠습니다", "아니요, 괜찮습니다")
                .press("아니요, 괜찮습니다")
                .botAsks("인사와 혜택 소식은 보내 드리지 않겠습니다", "불편 접수하기", "내 접수 내역", "의견 보내기",
                        "상담원 연결", "언어 (Language)")
                .press("불편 접수하기")
                .botAsks("어떤 일인지 선택해 주십시오.", "배송", "상품", "서비스", "결제", "기타")
                .press("배송")
                .botSaysContaining("‘배송’ 관련 불편 사항을 말씀해 주십시오.")
                .user("택배 상자가 찌그러져서 안에 있던 컵이 깨졌어요.")
                .botAsks("주문 번호나 참조 번호가 있으십니까?", "건너뛰기")
                .press("건너뛰기")
                .botAsks("사진이나 파일을 첨부하시겠습니까?", "첨부 없이 진행")
                .press("첨부 없이 진행")
                .botAsks("접수 내용을 확인해 주십시오:", "접수하기", "수정하기", "취소")
                .press("접수하기")
                .botSaysMatching("감사합니다\\. 접수가 완료되었습니다\\. 접수 번호: C-\\d+\\. 늦어도 내일 오후 4시까지 .*");

        assertThat(engine.complaintsOf("1101")).singleElement()
                .satisfies(complaint -> assertThat(complaint.language()).isEqualTo("ko"));
    }

    @Test
    void filesAComplaintInTagalog() {
        engine.chat("1102", "Maria", "fil-PH").user("/start")
                .botSaysContaining("Magandang araw po, Maria, at maligayang pagdating sa Demo Shop.")
                .botAsks("Maaari po bang magpadala", "Opo, gusto ko", "Hindi na po, salamat")
                .press("Opo, gusto ko")
                .botAsks("Salamat po.", "Mag-file ng reklamo", "Aking mga reklamo", "Magmungkahi", "Makipag-usap sa tao", "Wika (Language)")
                .press("Mag-file ng reklamo")
                .botAsks("Tungkol saan po ito?", "Paghahatid", "Produkto", "Serbisyo", "Singil", "Iba pa")
                .press("Paghahatid")
                .botSaysContaining("Napili po ninyo ang Paghahatid. Pakikuwento po kung ano ang nangyari")
                .user("Tatlong araw nang late ang parsela at basa pa ang kahon pagdating.")
                .botAsks("Mayroon po ba kayong order o reference number?", "Laktawan")
                .user("ORD-5521")
                .botAsks("Gusto po ba ninyong magdagdag ng litrato o file?", "Magpatuloy nang wala")
                .press("Magpatuloy nang wala")
                .botAsks("Pakisuri po ang inyong reklamo:", "I-file ang reklamo", "May babaguhin", "Kanselahin")
                .press("I-file ang reklamo")
                .botSaysMatching("Salamat po\\. Na-file na ang inyong reklamo sa reference na C-\\d+\\. "
                        + "Sasagutin po kayo ng aming team bukas, alas-4 ng hapon sa pinakahuli, .*");

        assertThat(engine.complaintsOf("1102")).singleElement()
                .satisfies(complaint -> assertThat(complaint.orderReference()).isEqualTo("ORD-5521"));
    }
}
