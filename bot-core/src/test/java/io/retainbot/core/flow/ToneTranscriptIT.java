package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Korean and Tagalog, formal and friendly, beyond filing: status, withdrawal, suggestion, asking for
 * a person, /stop then /start, and promises in the customer's own time zone. The business is in
 * Seoul; it is Monday 2026-11-23 15:20 there, so a delivery complaint is promised for tomorrow 16:00.
 */
class ToneTranscriptIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    // Korean, formal (합니다체): the default for a new customer.

    @Test
    void koreanFormalStatusAndWithdrawal() {
        ChatTranscript chat = koreanFormal("4001");
        String ref = fileDeliveryComplaint(chat, "4001");

        chat.user("/status")
                .botAsks(ref + " · 배송 · 접수됨, 내일 오후 4시까지 답변", ref + " 보기", "처음으로")
                .press(ref + " 보기")
                .botSaysContaining("상태: 접수됨", "늦어도 내일 오후 4시까지 답변드리겠습니다.")
                .press("철회")
                .botAsks(ref + " 건을 정말 철회하시겠습니까? 철회하시면 처리를 중단합니다.", "네, 철회하겠습니다", "아니요, 유지하겠습니다")
                .press("네, 철회하겠습니다")
                .botAsks(ref + " 건이 철회되었습니다. 이유를 여쭤봐도 되겠습니까?", "건너뛰기")
                .user("이웃집에서 택배를 찾았습니다.")
                .botSaysContaining("말씀해 주셔서 감사합니다. 정말 큰 도움이 됩니다.");
        assertThat(engine.complaintsOf("4001")).singleElement()
                .extracting(complaint -> complaint.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
    }

    @Test
    void koreanFormalSuggestionAndPerson() {
        koreanFormal("4002")
                .user("/suggest")
                .botSays("고객님의 의견은 언제나 환영합니다. 어떤 제안이 있으십니까?")
                .user("주말에도 배송해 주시면 좋겠습니다.")
                .botSaysContaining("소중한 의견 감사합니다. 담당 팀에 바로 전달됩니다.")
                .user("/human")
                .botSaysContaining("Demo Shop 고객 상담팀에 연결을 요청했습니다.", "보통 한 시간 안에")
                .user("아직 답변이 없습니다.")
                .botSaysContaining("감사합니다. 담당자가 볼 수 있도록 보관했으며");
    }

    @Test
    void koreanFormalStopThenStart() {
        koreanFormal("4003")
                .user("/stop")
                .botSaysContaining("앞으로 인사와 혜택 소식은 보내 드리지 않습니다.", "/start 명령어를 보내 주십시오.")
                .user("/start")
                .botSaysContaining("다시 인사와 혜택 소식을 보내 드리겠습니다.");
    }

    // Korean, friendly (해요체): chosen with /language.

    @Test
    void koreanFriendlyStatusAndWithdrawal() {
        ChatTranscript chat = koreanFriendly("4011");
        String ref = fileDeliveryComplaint(chat, "4011");

        chat.user("/status")
                .botAsks("최근 접수 내역 1건이에요:\n" + ref + " · 배송 · 접수됨, 내일 오후 4시까지 답변", ref + " 보기", "처음으로")
                .press(ref + " 보기")
                .botSaysContaining("늦어도 내일 오후 4시까지 답변드릴게요.")
                .press("철회")
                .botAsks(ref + " 건을 정말 철회할까요? 철회하면 처리를 멈춰요.", "네, 철회할게요", "아니요, 그냥 둘게요")
                .press("아니요, 그냥 둘게요")
                .botSaysContaining(ref + " 건은 그대로 둘게요. 계속 처리하고 있어요.")
                .user(ref).skipUnread()
                .press("철회").skipUnread()
                .press("네, 철회할게요")
                .botAsks(ref + " 건을 철회했어요. 이유를 여쭤봐도 될까요?", "건너뛰기")
                .press("건너뛰기")
                .botSaysContaining("알겠어요. 다른 일이 있으면 언제든 말씀해 주세요.");
        assertThat(engine.complaintsOf("4011")).singleElement()
                .extracting(complaint -> complaint.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
    }

    @Test
    void koreanFriendlySuggestionAndPerson() {
        koreanFriendly("4012")
                .user("/suggest")
                .botSays("아이디어 대환영이에요! 어떤 제안이 있으세요?")
                .user("주말에도 배송해 주시면 좋겠어요.")
                .botSaysContaining("정말 고마워요! 의견은 팀에 바로 전달할게요.")
                .user("/human")
                .botSaysContaining("Demo Shop 고객 상담팀에 연결해 달라고 요청했어요.", "보통 한 시간 안에")
                .user("아직 답이 없네요.")
                .botSaysContaining("고마워요. 담당자가 볼 수 있게 보관했고");
    }

    @Test
    void koreanFriendlyStopThenStart() {
        koreanFriendly("4013")
                .user("/stop")
                .botSaysContaining("이제 인사와 혜택 소식은 보내지 않을게요.", "/start 명령어를 보내 주세요.")
                .user("/start")
                .botSaysContaining("다시 인사와 혜택 소식을 보내 드릴게요.");
    }

    // Tagalog, formal (po/ninyo): the default for a new customer.

    @Test
    void tagalogFormalStatusAndWithdrawal() {
        ChatTranscript chat = tagalogFormal("4101");
        String ref = fileDeliveryComplaint(chat, "4101");

        chat.user("/status")
                .botAsks("Ang inyong reklamo:\n" + ref + " · Paghahatid · natanggap, may sagot bukas, alas-4 ng hapon",
                        "Buksan ang " + ref, "Pangunahing menu")
                .press("Buksan ang " + ref)
                .botSaysContaining("Makakatanggap po kayo ng sagot bukas, alas-4 ng hapon sa pinakahuli.")
                .press("Bawiin")
                .botAsks("Sigurado po ba kayong babawiin ninyo ang " + ref + "?", "Opo, bawiin", "Hindi po, ituloy")
                .press("Opo, bawiin")
                .botAsks("Binawi na po ang " + ref + ". Maaari ko po bang itanong kung bakit?", "Laktawan")
                .user("Nahanap ko na po ang parsela sa kapitbahay.")
                .botSaysContaining("Salamat po sa pagsabi sa amin.");
        assertThat(engine.complaintsOf("4101")).singleElement()
                .extracting(complaint -> complaint.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
    }

    @Test
    void tagalogFormalSuggestionAndPerson() {
        tagalogFormal("4102")
                .user("/suggest")
                .botSays("Ikinagagalak po naming marinig ang inyong mga ideya. Ano po ang inyong mungkahi?")
                .user("Sana po may delivery tuwing Linggo.")
                .botSaysContaining("Salamat po sa inyong mungkahi.")
                .user("/human")
                .botSaysContaining("Hiniling ko na po sa customer care team ng Demo Shop", "magagamit pa rin ninyo ang menu")
                .user("Nandiyan pa po ba kayo?")
                .botSaysContaining("Salamat po, itinabi ko ito para sa aking kasamahan");
    }

    @Test
    void tagalogFormalStopThenStart() {
        tagalogFormal("4103")
                .user("/stop")
                .botSaysContaining("Hindi na po kayo makakatanggap ng pagbati o alok.", "ipadala lang po ang /start")
                .user("/start")
                .botSaysContaining("Makakatanggap po ulit kayo ng pagbati at alok.");
    }

    // Tagalog, friendly (ka/mo): chosen with /language.

    @Test
    void tagalogFriendlyStatusAndWithdrawal() {
        ChatTranscript chat = tagalogFriendly("4111");
        String ref = fileDeliveryComplaint(chat, "4111");

        chat.user("/status")
                .botAsks("Ang reklamo mo:\n" + ref + " · Paghahatid · natanggap, may sagot bukas, alas-4 ng hapon",
                        "Buksan ang " + ref, "Pangunahing menu")
                .press("Buksan ang " + ref)
                .botSaysContaining("Sasagutin ka namin bukas, alas-4 ng hapon sa pinakahuli.")
                .press("Bawiin")
                .botAsks("Sigurado ka bang babawiin mo ang " + ref + "?", "Oo, bawiin", "Hindi, ituloy")
                .press("Oo, bawiin")
                .botAsks("Binawi na ang " + ref + ". Pwede ko bang itanong kung bakit?", "Laktawan")
                .user("Nahanap ko na sa kapitbahay.")
                .botSaysContaining("Salamat sa pagsabi sa amin. Malaking tulong ito!");
        assertThat(engine.complaintsOf("4111")).singleElement()
                .extracting(complaint -> complaint.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
    }

    @Test
    void tagalogFriendlySuggestionAndPerson() {
        tagalogFriendly("4112")
                .user("/suggest")
                .botSays("Gusto naming marinig ang mga ideya mo! Ano ang mungkahi mo?")
                .user("Sana may delivery tuwing Linggo.")
                .botSaysContaining("Maraming salamat! Diretso sa team namin ang ideya mo.")
                .user("/human")
                .botSaysContaining("Hiniling ko na sa customer care team ng Demo Shop", "magagamit mo pa rin ang menu")
                .user("Nandiyan ka pa ba?")
                .botSaysContaining("Salamat, itinabi ko ito para sa kasamahan ko");
    }

    @Test
    void tagalogFriendlyStopThenStart() {
        tagalogFriendly("4113")
                .user("/stop")
                .botSaysContaining("Sige, wala nang pagbati o alok.", "i-send mo lang ang /start")
                .user("/start")
                .botSaysContaining("Makakatanggap ka ulit ng pagbati at alok.");
    }

    // Choosing the tone, and the business's default.

    @Test
    void asksForTheToneAfterTheLanguageAndKeepsIt() {
        engine.readyChat("4201", "Lee")
                .user("/language")
                .botAsks("Which language would you like?", "English", "한국어", "Tagalog")
                .press("Tagalog")
                .botAsks("Mula ngayon, sa Tagalog na po ako susulat.\n\nPaano po ninyo gustong kausapin namin kayo?",
                        "Pormal", "Kaswal")
                .user("hmm")
                .botSays("Pakipili po ang isa sa dalawang paraan sa ibaba.")
                .botAsks("Paano po ninyo gustong kausapin namin kayo?", "Pormal", "Kaswal")
                .press("Kaswal")
                .botAsks("Sige, kaswal lang tayo!\n\nAno ang maitutulong ko sa iyo ngayon?",
                        "Mag-file ng reklamo", "Aking mga reklamo", "Magmungkahi", "Makipag-usap sa tao", "Wika (Language)")
                .user("/complaint")
                .botSaysContaining("Sorry sa nangyari! Tungkol saan ito?");
        assertThat(customer("4201").tone()).isEqualTo(Tone.FRIENDLY);
        assertThat(customer("4201").language()).isEqualTo("tl");
    }

    @Test
    void aFriendlyBusinessGreetsNewCustomersFriendly() {
        EngineFixture friendly = EngineFixture.start(db,
                engine.business().withDefaultTone(Tone.FRIENDLY), "2026-11-23T06:20:00Z");
        friendly.chat("4202", "민아", "ko").user("/start")
                .botSaysContaining("민아님, 반가워요! Demo Shop에 오신 걸 환영해요.")
                .botAsks("여기로 보내 드려도 될까요?", "네, 받을게요", "아니요, 괜찮아요");
        assertThat(customer("4202").tone()).isEqualTo(Tone.FRIENDLY);
    }

    // Promises in the customer's own time zone.

    @Test
    void namesTheCustomersTimeZoneWhenItIsNotTheBusinesss() {
        ChatTranscript chat = tagalogFormal("4301");
        livesIn("4301", ZoneId.of("Asia/Manila"));

        chat.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "delivery",
                        "description", "Basa ang kahon pagdating ng parsela."))
                .botSaysContaining("Sasagutin po kayo ng aming team bukas, alas-3 ng hapon (Oras sa Pilipinas) sa pinakahuli");
        String ref = engine.complaintsOf("4301").get(0).ref().toString();
        chat.user("/status")
                .botSaysContaining(ref + " · Paghahatid · natanggap, may sagot bukas, alas-3 ng hapon (Oras sa Pilipinas)");
    }

    @Test
    void namesNoTimeZoneWhenTheCustomerSharesTheBusinesss() {
        ChatTranscript chat = engine.readyChat("4302", "Mina");
        livesIn("4302", ZoneId.of("Asia/Seoul"));

        chat.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "delivery",
                        "description", "The box was soaked when it arrived."))
                .botSaysMatching("Thank you\\. .* by tomorrow 16:00 at the latest, and usually sooner\\..*");
    }

    private ChatTranscript koreanFormal(String userId) {
        return engine.chat(userId, "민아", "ko-KR").user("/start").press("아니요, 괜찮습니다").skipUnread();
    }

    private ChatTranscript koreanFriendly(String userId) {
        return koreanFormal(userId).user("/language").press("한국어").press("편하게").skipUnread();
    }

    private ChatTranscript tagalogFormal(String userId) {
        return engine.chat(userId, "Maria", "fil-PH").user("/start").press("Hindi na po, salamat").skipUnread();
    }

    private ChatTranscript tagalogFriendly(String userId) {
        return tagalogFormal(userId).user("/language").press("Tagalog").press("Kaswal").skipUnread();
    }

    private String fileDeliveryComplaint(ChatTranscript chat, String userId) {
        chat.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "delivery",
                "description", "The courier left the parcel in the rain.")).skipUnread();
        return engine.complaintsOf(userId).get(0).ref().toString();
    }

    private Customer customer(String userId) {
        return engine.customerOf(userId);
    }

    private void livesIn(String userId, ZoneId zone) {
        Customer customer = customer(userId);
        engine.transactor().inTransaction(session -> session.customers()
                .update(customer.id(), customer.profile().toBuilder().zone(zone).build(), engine.clock().instant()));
    }
}
