package io.retainbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.Referral;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.flow.Dialogue;
import io.retainbot.core.i18n.KoreanParticles;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.RecordingGateway;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs;
import io.retainbot.core.usecase.HandoverCare;
import io.retainbot.core.usecase.HandoverLine;
import io.retainbot.core.usecase.HandoverResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff side of complaints and requests for a person, read across both chats: the customer's and
 * the Telegram staff group's. Pings arrive, are claimed, answered and resolved from the group; the
 * customer's answers come back under the ping; a person takes a chat and hands it back.
 */
class StaffChatIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ChannelRef GROUP = new ChannelRef(Platform.TELEGRAM, "-100777");

    private EngineFixture engine;
    private ExecutorService racers;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        // Monday 2026-11-23 06:20 UTC: the demo shop (UTC, Mon-Fri 09-18) is about to open
        engine = EngineFixture.withStaffChat(db, MutableClock.at("2026-11-23T06:20:00Z"), GROUP, "en");
    }

    @AfterEach
    void tearDown() {
        if (racers != null) {
            racers.shutdownNow();
        }
    }

    private Complaint onlyComplaintOf(String userId) {
        List<Complaint> complaints = engine.complaintsOf(userId);
        assertThat(complaints).hasSize(1);
        return complaints.get(0);
    }

    private ChatTranscript fileDeliveryComplaint(ChatTranscript customer) {
        return customer.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "delivery",
                "description", "The parcel arrived crushed and the vase inside is broken."))
                .botSaysMatching("Thank you\\. Your complaint is registered under reference C-\\d+.*");
    }

    @Test
    void aComplaintIsPingedClaimedAnsweredBothWaysAndResolvedFromTheStaffGroup() {
        engine.staff("Joon", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.readyChat("7001", "Mina");
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "Joon");

        fileDeliveryComplaint(customer);
        String ref = onlyComplaintOf("7001").ref().toString();
        joon.botAsks("New complaint " + ref + " · Delivery", "Claim", "Reply", "Resolve", "Cannot help");
        assertThat(joon.lastText()).contains("Customer: Mina (telegram)",
                "Description: The parcel arrived crushed and the vase inside is broken.", "Promised by: ",
                "Status: not claimed yet");

        joon.press("Claim")
                .botEdits("New complaint " + ref, "Status: claimed by Joon");
        assertThat(onlyComplaintOf("7001").status()).isEqualTo(ComplaintStatus.IN_PROGRESS);

        joon.replyTo("New complaint " + ref, "We are sorry! A new vase leaves our warehouse today.");
        customer.botSays("RetainBot Demo Shop about your complaint " + ref
                + ":\nWe are sorry! A new vase leaves our warehouse today.");

        customer.user("Thank you. Will it come before Friday?")
                .botSays("I have passed this on to the person handling your complaint " + ref
                        + ". Their answer will come here.");
        joon.botSays("Mina about " + ref + ": Thank you. Will it come before Friday?");
        assertThat(lastSentTo(GROUP)).isInstanceOfSatisfying(OutboundMessage.Text.class, relayed ->
                assertThat(relayed.replyTo()).isEqualTo(joon.messageIdOf("New complaint " + ref)));

        joon.replyTo("Will it come before Friday?", "Yes, on Thursday.");
        customer.botSays("RetainBot Demo Shop about your complaint " + ref + ":\nYes, on Thursday.");

        joon.press("Resolve")
                .botEdits("Status: resolved by Joon");
        assertThat(joon.unread()).isEmpty();
        customer.botSaysContaining("Your complaint " + ref + " has been resolved.");
        assertThat(onlyComplaintOf("7001").status()).isEqualTo(ComplaintStatus.RESOLVED);

        List<String> history = engine.transactor().inTransaction(session -> session.complaints()
                .notes(onlyComplaintOf("7001").id())).stream().map(ComplaintNote::text).toList();
        assertThat(history).contains("We are sorry! A new vase leaves our warehouse today.",
                "Thank you. Will it come before Friday?", "Yes, on Thursday.");
    }

    @Test
    void inKoreanBothSidesSpeakKorean() {
        engine = EngineFixture.withStaffChat(db, MutableClock.at("2026-11-23T06:20:00Z"), GROUP, "ko");
        engine.staff("준", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.chat("7101", "민아", "ko").user("/start").press("아니요, 괜찮습니다")
                .skipUnread();
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "준");

        customer.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "delivery",
                "description", "택배 상자가 찌그러져 왔습니다.")).skipUnread();
        String ref = onlyComplaintOf("7101").ref().toString();
        joon.botAsks("새 불만 " + ref + " · 배송", "맡기", "답변", "해결", "도움 불가");
        assertThat(joon.lastText()).contains("고객: 민아 (telegram)", "내용: 택배 상자가 찌그러져 왔습니다.",
                "상태: 아직 담당자 없음");

        joon.press("맡기").botEdits("상태: 준 담당");
        joon.replyTo("새 불만 " + ref, "새 상품을 오늘 보내 드리겠습니다.");
        customer.botSays("접수하신 불만 " + ref + "에 대한 RetainBot Demo Shop의 답변입니다:\n새 상품을 오늘 보내 드리겠습니다.");
        customer.user("감사합니다. 언제 도착하나요?")
                .botSays(KoreanParticles.fit("접수하신 불만 " + ref + "을(를) 맡은 담당자에게 전달했습니다. 답변은 이곳으로 드리겠습니다."));
        joon.botSays("민아 (" + ref + "): 감사합니다. 언제 도착하나요?");

        joon.press("해결").botEdits("상태: 준 해결 완료");
        customer.botSaysContaining(KoreanParticles.fit("접수하신 불만 " + ref + "이(가) 해결되었습니다."));

        customer.press("상담원 연결").skipUnread();
        joon.botAsks("민아 고객의 상담원 연결 요청 (telegram)", "응대하기")
                .press("응대하기")
                .botEdits("상태: 준 응대 중");
        customer.botAsks("RetainBot Demo Shop의 준 님이 대화를 이어받았습니다. 지금부터는 봇이 아니라 직원이 직접 답변드립니다.",
                "봇으로 돌아가기");
        customer.user("주문 번호는 5521입니다.").botSaysNothingMore();
        joon.botSays("민아: 주문 번호는 5521입니다.")
                .replyTo("상담원 연결 요청", "확인했습니다, 오늘 발송됩니다.");
        customer.botSays("준 (RetainBot Demo Shop): 확인했습니다, 오늘 발송됩니다.");
        joon.press("봇에게 넘기기").botEdits("상태: 봇으로 돌아감 (준 응대 후)");
        customer.botSaysContaining("RetainBot Demo Shop의 준 님이 대화를 다시 봇에게 넘겼습니다.");
        joon.user("/customer 민아").botSaysContaining("민아 (#", "최근 연락:", "고객에게 발신 (telegram): ")
                .botSaysNothingMore();
    }

    private static FileRef telegramPhoto(String fileId) {
        return new FileRef(fileId, FileRef.Kind.PHOTO, "image/jpeg", 2048, "");
    }

    /** Files a delivery complaint through the intake with these files, up to its acknowledgement. */
    private static ChatTranscript fileWithFiles(ChatTranscript customer, FileRef... files) {
        return customer.press("File a complaint").press("Delivery")
                .user("The parcel arrived crushed and the vase inside is broken.")
                .press("Skip")
                .sendFiles("", files).press("Done")
                .press("Send complaint").skipUnread();
    }

    private List<OutboundMessage.Text> photosSentTo(ChannelRef chat) {
        return engine.gateway().deliveredTo(chat).stream().filter(OutboundMessage.Text.class::isInstance)
                .map(OutboundMessage.Text.class::cast).filter(text -> text.photo() != null).toList();
    }

    /** Lets the reactions that waited for a ping run again, a few seconds later, and sends what they wrote. */
    private void afterAMoment(ChatTranscript staffChat) {
        engine.clock().advance(Duration.ofSeconds(5));
        engine.runReactions();
        staffChat.deliverPending();
    }

    /** A customer's chat and Joon's (an agent) in the staff group, on a platform that shows photos. */
    private record PhotoChats(ChatTranscript customer, ChatTranscript joon) {
    }

    private PhotoChats photoChats(String userId) {
        engine.gateway().showingPhotos();
        engine.staff("Joon", StaffRole.AGENT, "9001");
        return new PhotoChats(engine.readyChat(userId, "Mina"), engine.inStaffChat(GROUP, "9001", "Joon"));
    }

    /** The customer files a delivery complaint and Joon claims it; returns its reference. */
    private String claimedByJoon(PhotoChats chats, String userId) {
        fileDeliveryComplaint(chats.customer());
        String ref = onlyComplaintOf(userId).ref().toString();
        chats.joon().skipUnread().press("Claim").skipUnread();
        return ref;
    }

    @Test
    void aComplaintsPhotosFollowItsPingAsRepliesAndPhotosAddedLaterToo() {
        PhotoChats chats = photoChats("7021");
        ChatTranscript customer = chats.customer();
        ChatTranscript joon = chats.joon();

        fileWithFiles(customer, telegramPhoto("tg-box"), telegramPhoto("tg-vase"),
                new FileRef("tg-receipt", FileRef.Kind.DOCUMENT, "application/pdf", 9000, "receipt.pdf"));
        String ref = onlyComplaintOf("7021").ref().toString();
        joon.botAsks("New complaint " + ref, "Claim", "Reply", "Resolve", "Cannot help");
        assertThat(joon.lastText()).contains("Photos and files: 3");
        String ping = joon.messageIdOf("New complaint " + ref);

        afterAMoment(joon);
        joon.botSays("Mina about " + ref + ": photo 1 of 2")
                .botSays("Mina about " + ref + ": photo 2 of 2")
                .botSaysNothingMore();
        assertThat(photosSentTo(GROUP)).extracting(OutboundMessage.Text::photo).containsExactly(
                new Photo("tg-box", Photo.Origin.TELEGRAM), new Photo("tg-vase", Photo.Origin.TELEGRAM));
        assertThat(photosSentTo(GROUP)).extracting(OutboundMessage.Text::replyTo).containsOnly(ping);

        customer.user("/status").press("Open " + ref).press("Add details")
                .sendFiles("the label", telegramPhoto("tg-label")).skipUnread();
        joon.botSays("Mina about " + ref + ": photo 1 of 1");
        assertThat(joon.lastMessage().photo()).isEqualTo(new Photo("tg-label", Photo.Origin.TELEGRAM));
        assertThat(joon.lastMessage().replyTo()).isEqualTo(ping);
        joon.botSaysNothingMore();
    }

    @Test
    void aPhotoTheCustomerSendsWhileAPersonHandlesTheirComplaintGoesUnderItsPingNotIntoANewComplaint() {
        PhotoChats chats = photoChats("7025");
        ChatTranscript customer = chats.customer();
        ChatTranscript joon = chats.joon();
        String ref = claimedByJoon(chats, "7025");
        Complaint complaint = onlyComplaintOf("7025");
        joon.replyTo("New complaint " + ref, "Could you send a photo of the label?");
        customer.skipUnread();

        customer.sendFiles("the label", telegramPhoto("tg-label-2"))
                .botSays("I have passed this on to the person handling your complaint " + ref
                        + ". Their answer will come here.")
                .botSaysNothingMore();
        joon.botSays("Mina about " + ref + ": the label\n[sent 1 photo(s) or file(s)]")
                .botSays("Mina about " + ref + ": photo 1 of 1")
                .botSaysNothingMore();
        assertThat(joon.lastMessage().photo()).isEqualTo(new Photo("tg-label-2", Photo.Origin.TELEGRAM));
        assertThat(joon.lastMessage().replyTo()).isEqualTo(joon.messageIdOf("New complaint " + ref));
        assertThat(engine.complaintsOf("7025")).hasSize(1);
        assertThat(engine.attachmentsOf(complaint)).extracting(attachment -> attachment.file().platformFileId())
                .containsExactly("tg-label-2");
        assertThat(historyOf("7025")).containsExactly("Could you send a photo of the label?", "the label");
    }

    @Test
    void aStaffPhotoReplyReachesTheCustomerInOrderWithTextAndIsKeptInHistoryAndLog() {
        PhotoChats chats = photoChats("7022");
        ChatTranscript customer = chats.customer();
        ChatTranscript joon = chats.joon();
        String ref = claimedByJoon(chats, "7022");

        joon.replyWithFiles("New complaint " + ref, "This is the new vase we are sending.",
                telegramPhoto("tg-new-vase"), telegramPhoto("tg-new-box"));
        joon.replyTo("New complaint " + ref, "It leaves today.");
        customer.botSays("RetainBot Demo Shop about your complaint " + ref + ":\nThis is the new vase we are sending.");
        assertThat(customer.unread()).hasSize(2);
        customer.botSays("RetainBot Demo Shop about your complaint " + ref + ":\n[photo 2 of 2]")
                .botSays("RetainBot Demo Shop about your complaint " + ref + ":\nIt leaves today.");
        assertThat(photosSentTo(customer.channel())).extracting(OutboundMessage.Text::photo).containsExactly(new Photo("tg-new-vase", Photo.Origin.TELEGRAM),
                new Photo("tg-new-box", Photo.Origin.TELEGRAM));

        joon.replyWithFiles("New complaint " + ref, "", new FileRef("tg-manual", FileRef.Kind.DOCUMENT,
                "application/pdf", 9000, "manual.pdf"))
                .botSays("Only photos (JPEG or PNG) are passed on to the customer; other files (documents, videos, "
                        + "other pictures) are not. Describe them in words, or send a link.");
        customer.botSaysNothingMore();

        List<String> history = engine.transactor().inTransaction(session -> session.complaints()
                .notes(onlyComplaintOf("7022").id())).stream().map(ComplaintNote::text).toList();
        assertThat(history).containsExactly("[2 photos] This is the new vase we are sending.", "It leaves today.");
        assertThat(db.count("select count(*) from interaction where direction = 'outbound' and summary like "
                + "'[photo] RetainBot Demo Shop about your complaint " + ref + "%'")).isEqualTo(2);
    }

    @Test
    void inKoreanAPhotoWithoutWordsIsCalledAPhotoAndTheStaffSeeTheCustomersPhotos() {
        engine = EngineFixture.withStaffChat(db, MutableClock.at("2026-11-23T06:20:00Z"), GROUP, "ko");
        engine.gateway().showingPhotos();
        engine.staff("준", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.chat("7123", "민아", "ko").user("/start").press("아니요, 괜찮습니다")
                .skipUnread();
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "준");
        customer.press("불편 접수하기").press("배송").user("택배 상자가 찌그러져 왔습니다. 안의 꽃병도 깨졌어요.")
                .press("건너뛰기").sendFiles("", telegramPhoto("tg-ko-box")).press("완료").press("접수하기")
                .skipUnread();
        String ref = onlyComplaintOf("7123").ref().toString();
        joon.skipUnread();
        afterAMoment(joon);
        joon.botSays(ref + "에 대한 민아님의 사진 (1장 중 1번째)");

        joon.press("맡기").skipUnread()
                .replyWithFiles("새 불만 " + ref, "", telegramPhoto("tg-ko-answer"));
        customer.botSays("접수하신 불만 " + ref + "에 대한 RetainBot Demo Shop의 답변입니다:\n[사진]");
        assertThat(customer.lastMessage().photo()).isEqualTo(new Photo("tg-ko-answer", Photo.Origin.TELEGRAM));
        assertThat(historyOf("7123")).containsExactly("[사진]");
    }

    @Test
    void duringAHandoverPhotosGoBothWays() {
        PhotoChats chats = photoChats("7024");
        ChatTranscript customer = chats.customer();
        ChatTranscript joon = chats.joon();
        customer.press("Talk to a person").skipUnread();
        joon.skipUnread().press("Take").skipUnread();
        customer.skipUnread();

        customer.sendFiles("this one", telegramPhoto("tg-order")).botSaysNothingMore();
        joon.botSays("Mina: this one\n[sent 1 photo(s) or file(s)]")
                .botSays("Mina: photo 1 of 1");
        assertThat(joon.lastMessage().photo()).isEqualTo(new Photo("tg-order", Photo.Origin.TELEGRAM));
        assertThat(joon.lastMessage().replyTo()).isEqualTo(joon.messageIdOf("Request for a person"));

        joon.replyWithFiles("Request for a person", "Is it this box?", telegramPhoto("tg-shelf"));
        customer.botSays("Joon (RetainBot Demo Shop): Is it this box?");
        assertThat(customer.lastMessage().photo()).isEqualTo(new Photo("tg-shelf", Photo.Origin.TELEGRAM));

        // the console and the API show both photos in the conversation, Joon's as written by him
        long joonsId = engine.transactor().inTransaction(session -> session.staff().list(true)).stream()
                .filter(staff -> staff.name().equals("Joon")).findFirst().orElseThrow().id();
        List<HandoverLine> lines = engine.transactor().inTransaction(session -> HandoverCare.exchange(session,
                session.feedback().activeHandover(EngineFixture.channel("7024")).orElseThrow(), engine.clock().instant()));
        assertThat(lines).filteredOn(line -> !line.photos().isEmpty())
                .extracting(HandoverLine::staffId, HandoverLine::text, line -> line.photos().get(0))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "this one",
                                new Photo("tg-order", Photo.Origin.TELEGRAM)),
                        org.assertj.core.groups.Tuple.tuple(joonsId, "Is it this box?",
                                new Photo("tg-shelf", Photo.Origin.TELEGRAM)));
    }

    @Test
    void twoStaffPressingClaimAtOnceOneWinsAndTheOtherIsToldWhoHasIt() throws Exception {
        StaffMember joon = engine.staff("Joon", StaffRole.AGENT, "9001");
        StaffMember ana = engine.staff("Ana", StaffRole.AGENT, "9002");
        fileDeliveryComplaint(engine.readyChat("7002", "Mina"));
        String ref = onlyComplaintOf("7002").ref().toString();
        String ping = engine.inStaffChat(GROUP, "9001", "Joon").messageIdOf("New complaint " + ref);

        racers = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<EventSink.Receipt>> presses = List.of(
                press(start, "9001", "Joon", "claim-1", "staff:claim:" + ref, ping),
                press(start, "9002", "Ana", "claim-2", "staff:claim:" + ref, ping));
        start.countDown();
        for (CompletableFuture<EventSink.Receipt> pressed : presses) {
            assertThat(pressed.get()).isEqualTo(EventSink.Receipt.HANDLED);
        }
        engine.runReactions();
        engine.inStaffChat(GROUP, "9001", "Joon").deliverPending();

        Complaint claimed = onlyComplaintOf("7002");
        assertThat(claimed.assigneeStaffId()).isIn(joon.id(), ana.id());
        String winner = claimed.assigneeStaffId() == joon.id() ? "Joon" : "Ana";
        assertThat(db.count("select count(*) from domain_event where kind = 'complaint_claimed'")).isEqualTo(1);
        List<String> group = engine.gateway().deliveredTo(GROUP).stream().map(OutboundMessage::text).toList();
        assertThat(group).contains(ref + " is already claimed by " + winner + ".");
        assertThat(group).anyMatch(text -> text.contains("Status: claimed by " + winner));
    }

    private CompletableFuture<EventSink.Receipt> press(CountDownLatch start, String userId, String name, String eventId,
                                                       String data, String messageId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            return engine.engine().accept(new InboundEvent.ButtonPressed(GROUP, new Sender(userId, name, "en"), eventId,
                    engine.clock().instant(), data, messageId));
        }, racers);
    }

    @Test
    void someoneWhoIsNotStaffIsRefusedAndNothingIsWritten() {
        engine.staff("Joon", StaffRole.AGENT, "9001");
        fileDeliveryComplaint(engine.readyChat("7003", "Mina"));
        Complaint filed = onlyComplaintOf("7003");
        String ref = filed.ref().toString();
        ChatTranscript stranger = engine.inStaffChat(GROUP, "6666", "Mallory").skipUnread();
        long outboxBefore = db.count("select count(*) from outbox");
        long eventsBefore = db.count("select count(*) from domain_event");

        stranger.pressData("staff:claim:" + ref)
                .pressData("staff:resolve:" + ref)
                .user("/queue")
                .user("/customer Mina")
                .replyTo("New complaint " + ref, "Hello customer, this is not the shop.")
                .botSaysNothingMore();

        assertThat(onlyComplaintOf("7003")).isEqualTo(filed);
        assertThat(db.count("select count(*) from outbox")).isEqualTo(outboxBefore);
        assertThat(db.count("select count(*) from domain_event")).isEqualTo(eventsBefore);
        assertThat(db.count("select count(*) from inbox where chat_id = '-100777' and outcome = 'ignored'"))
                .isEqualTo(5);
    }

    @Test
    void anAgentCannotAnswerOrResolveAComplaintAnotherHolds() {
        engine.staff("Joon", StaffRole.AGENT, "9001");
        engine.staff("Ana", StaffRole.AGENT, "9002");
        fileDeliveryComplaint(engine.readyChat("7004", "Mina"));
        String ref = onlyComplaintOf("7004").ref().toString();
        engine.inStaffChat(GROUP, "9001", "Joon").skipUnread().press("Claim");
        ChatTranscript ana = engine.inStaffChat(GROUP, "9002", "Ana").skipUnread();

        ana.replyTo("New complaint " + ref, "I can do this one.")
                .botSays(ref + " is handled by Joon. Ask them, or a supervisor can reassign it.")
                .pressData("staff:resolve:" + ref)
                .botSays(ref + " is handled by Joon. Ask them, or a supervisor can reassign it.");
        assertThat(onlyComplaintOf("7004").status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    }

    @Test
    void aPersonTakesTheChatTalksBothWaysAndHandsBack() {
        engine.staff("Joon", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.readyChat("7005", "Mina");
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "Joon");

        customer.press("Talk to a person").skipUnread()
                .user("My order never arrived.").skipUnread();
        joon.botAsks("Request for a person from Mina (telegram)", "Take")
                .botSays("Mina: My order never arrived.")
                .press("Take")
                .botEdits("Status: taken by Joon");
        customer.botAsks("Joon from RetainBot Demo Shop has taken over: from now on a person answers you here, "
                + "not the bot.", "Back to the bot");

        customer.user("Hello? It was order 5521.").botSaysNothingMore();
        joon.botSays("Mina: Hello? It was order 5521.");
        joon.replyTo("Request for a person", "Hi Mina, I see it: it left today.");
        customer.botSays("Joon (RetainBot Demo Shop): Hi Mina, I see it: it left today.");

        joon.replyTo("Request for a person", "/done")
                .botEdits("Status: back with the bot (was with Joon)");
        customer.botAsks("Joon from RetainBot Demo Shop has handed the conversation back to me, the bot.",
                "File a complaint", "My complaints", "Make a suggestion", "Talk to a person", "Language");
        customer.user("hello").botSaysContaining("RetainBot Demo Shop");
        assertThat(db.count("select count(*) from handover_request where status = 'closed'")).isEqualTo(1);
    }

    @Test
    void aChatTakenThroughTheApiIsWithThatPersonAndIsHandedBackFromTheStaffGroup() {
        StaffMember joon = engine.staff("Joon", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.readyChat("7011", "Mina");
        ChatTranscript group = engine.inStaffChat(GROUP, "9001", "Joon");
        customer.user("/human").skipUnread();
        group.botAsks("Request for a person from Mina (telegram)", "Take");
        long requestId = engine.transactor().inTransaction(session -> session.feedback().openHandovers(10, 0))
                .get(0).id();

        assertThat(engine.engine().handoverCare().take(new CareInputs.TakeHandover(requestId,
                Actor.staff(joon.id())))).isInstanceOf(HandoverResult.Done.class);
        engine.runReactions();
        group.deliverPending().botEdits("Status: taken by Joon");
        customer.deliverPending().botAsks("Joon from RetainBot Demo Shop has taken over: from now on a person answers "
                + "you here, not the bot.", "Back to the bot");

        // the customer's next words go to Joon, not to the bot
        customer.user("Where is my order 5521?").botSaysNothingMore();
        group.botSays("Mina: Where is my order 5521?")
                .replyTo("Request for a person", "It left today, Mina.");
        customer.botSays("Joon (RetainBot Demo Shop): It left today, Mina.");

        group.replyTo("Request for a person", "/done").botEdits("Status: back with the bot (was with Joon)");
        customer.botAsks("Joon from RetainBot Demo Shop has handed the conversation back to me, the bot.",
                "File a complaint", "My complaints", "Make a suggestion", "Talk to a person", "Language");
        assertThat(db.count("select count(*) from domain_event where kind in ('handover_taken', 'handover_closed')"))
                .isEqualTo(2);
    }

    @Test
    void theCustomerGoesBackToTheBotAndTheStaffGroupSeesIt() {
        engine.staff("Joon", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.readyChat("7006", "Mina");
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "Joon");
        customer.user("/human").skipUnread();
        joon.skipUnread().press("Take").skipUnread();
        customer.skipUnread()
                .press("Back to the bot")
                .botSaysContaining("You are talking with me, the bot, again; I have let Joon know.");
        joon.botEdits("Status: back with the bot (was with Joon)");
        joon.press("Hand back to the bot").botSays("This request for a person is over.");
    }

    @Test
    void staffCommandsListMineTheQueueAndTheCustomerFile() {
        engine.staff("Joon", StaffRole.AGENT, "9001");
        fileDeliveryComplaint(engine.readyChat("7007", "Mina"));
        fileDeliveryComplaint(engine.readyChat("7008", "Lee"));
        String mina = engine.complaintsOf("7007").get(0).ref().toString();
        String lee = engine.complaintsOf("7008").get(0).ref().toString();
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "Joon").skipUnread();

        joon.user("/mine").botSays("You hold no open complaints.")
                .user("/queue").botSaysContaining("Not claimed yet, nearest promise first:", mina, lee)
                .pressData("staff:claim:" + mina).skipUnread()
                .user("/mine").botSaysContaining("Your open complaints:", mina, "Mina")
                .user("/queue").botSaysContaining(lee).user("/tag " + mina + " vip").botSays("Tagged Mina with vip.")
                .replyTo("New complaint " + mina, "/note Prefers a call after 6 pm").botSays("Noted in the file of Mina.")
                .user("/customer " + mina)
                .botSaysContaining("Mina (#", "Tags: vip", "Responsible: -", "Notes: ", "Prefers a call after 6 pm",
                        "Open complaints: 1", mina, "Last contacts:", "to the customer (telegram): ")
                .user("/customer Nobody").botSays("No customer matches \"Nobody\".")
                .user("/hello").botSaysContaining("Staff commands: /mine");
        assertThat(engine.customerOf("7007").tags()).extracting(tag -> tag.name()).containsExactly("vip");
    }

    @Test
    void cannotHelpExplainsHowToReferAndTheCustomerIsToldWhoCan() {
        engine.staff("Joon", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.readyChat("7009", "Mina");
        fileDeliveryComplaint(customer);
        String ref = onlyComplaintOf("7009").ref().toString();
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "Joon").skipUnread();
        joon.press("Cannot help").botSaysContaining("To refer " + ref + " elsewhere, send /refer");
        joon.replyTo("New complaint " + ref, "/refer We do not repair vases; try Vase Doctor, 02-555-0100.")
                .botSays(ref + " is referred; the customer has been told.")
                .botEdits("Status: referred elsewhere by Joon");
        customer.botSaysContaining("We do not repair vases; try Vase Doctor, 02-555-0100.");
        assertThat(onlyComplaintOf("7009").status()).isEqualTo(ComplaintStatus.REFERRED);
    }

    private static BusinessConfig withReferrals() {
        BusinessConfig defaults = BusinessConfig.defaults();
        return new BusinessConfig(defaults.companyName(), defaults.zone(), defaults.hours(), defaults.holidays(),
                defaults.categories(), defaults.promise(), List.of(
                new Referral("vasedoc", Map.of("en", "Vase Doctor", "ko", "꽃병 병원"), "02-555-0100",
                        Map.of("en", "repairs ceramics", "ko", "도자기 수리"), List.of("delivery", "product")),
                new Referral("glue", Map.of("en", "Glue & Co"), "https://glue.example", Map.of(), List.of()),
                new Referral("bank", Map.of("en", "City Bank"), "02-555-0199", Map.of(), List.of("billing"))),
                defaults.templates());
    }

    @Test
    void cannotHelpOffersTheCategorysReferralsToPickAndTheCustomerGetsThePickedOnes() {
        engine = EngineFixture.withStaffChat(db, MutableClock.at("2026-11-23T06:20:00Z"), withReferrals(), GROUP, "en");
        engine.staff("Joon", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.readyChat("7012", "Mina");
        fileDeliveryComplaint(customer);
        String ref = onlyComplaintOf("7012").ref().toString();
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "Joon").skipUnread();

        joon.press("Cannot help")
                .botAsks(ref + ": who can help the customer instead?", "Vase Doctor", "Glue & Co", "Send to the customer");
        assertThat(lastSentTo(GROUP)).isInstanceOfSatisfying(OutboundMessage.Text.class, picker ->
                assertThat(picker.replyTo()).isEqualTo(joon.messageIdOf("New complaint " + ref)));
        joon.press("Send to the customer").botSays("Pick at least one first, or send /refer with an explanation.")
                .press("Vase Doctor").botEditsButtons("✓ Vase Doctor", "Glue & Co", "Send to the customer")
                .press("Glue & Co").botEditsButtons("✓ Vase Doctor", "✓ Glue & Co", "Send to the customer")
                .press("✓ Glue & Co").botEditsButtons("✓ Vase Doctor", "Glue & Co", "Send to the customer")
                .press("Send to the customer")
                .botEdits(ref + " is referred to Vase Doctor; the customer has been told.")
                .botEdits("Status: referred elsewhere by Joon");
        customer.botSays("We are sorry: RetainBot Demo Shop cannot help with your complaint " + ref + " itself. "
                + "These can help you:\n• Vase Doctor (repairs ceramics), 02-555-0100\n"
                + "If they cannot help you either, please come back to us and we will look again.");
        assertThat(onlyComplaintOf("7012").status()).isEqualTo(ComplaintStatus.REFERRED);
        // a forged selection naming an entry that is not offered changes nothing
        joon.pressData("staff:send:" + ref + ":64").botSays("This button no longer works.");
    }

    @Test
    void inKoreanTheReferralsArePickedAndSentInKorean() {
        engine = EngineFixture.withStaffChat(db, MutableClock.at("2026-11-23T06:20:00Z"), withReferrals(), GROUP, "ko");
        engine.staff("준", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.chat("7112", "민아", "ko").user("/start").press("아니요, 괜찮습니다")
                .skipUnread();
        customer.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "delivery",
                "description", "꽃병이 깨져서 왔습니다.")).skipUnread();
        String ref = onlyComplaintOf("7112").ref().toString();
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "준").skipUnread();

        joon.press("도움 불가").botAsks(ref + ": 대신 도울 수 있는 곳 선택.", "꽃병 병원", "Glue & Co",
                        "고객에게 보내기")
                .press("꽃병 병원").botEditsButtons("✓ 꽃병 병원", "Glue & Co", "고객에게 보내기")
                .press("Glue & Co").botEditsButtons("✓ 꽃병 병원", "✓ Glue & Co", "고객에게 보내기")
                .press("고객에게 보내기").botEdits(ref + ": 꽃병 병원, Glue & Co로 안내 완료.")
                .botEdits("상태:");
        customer.botSaysContaining("죄송합니다. 접수하신 불만 " + ref, "• 꽃병 병원 (도자기 수리), 02-555-0100",
                "• Glue & Co, https://glue.example", "다시 연락해 주십시오");
        assertThat(historyOf("7112")).as("the history in the staff language").containsExactly(
                "• 꽃병 병원 (도자기 수리), 02-555-0100\n• Glue & Co, https://glue.example");
    }

    private List<String> historyOf(String userId) {
        return engine.transactor().inTransaction(session -> session.complaints().notes(onlyComplaintOf(userId).id()))
                .stream().map(ComplaintNote::text).toList();
    }

    @Test
    void aLowScorePingsTheStaffGroupAgainAndThePingsShowTheComplaintReopened() {
        engine.staff("Joon", StaffRole.AGENT, "9001");
        ChatTranscript customer = engine.readyChat("7010", "Mina");
        fileDeliveryComplaint(customer);
        Complaint filed = onlyComplaintOf("7010");
        String ref = filed.ref().toString();
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "Joon").skipUnread();
        joon.press("Claim").skipUnread().press("Resolve").skipUnread();
        customer.skipUnread();

        engine.engine().acceptDue(new DueEvent("survey:" + ref + ":1", "survey", filed.customerId(),
                engine.clock().instant(), Map.of("ref", ref)));
        customer.deliverPending().botAsks("How satisfied are you", "1", "2", "3", "4", "5")
                .press("2").botSaysContaining("how easy was it");
        joon.botSaysContaining("Complaint " + ref + " · Delivery reopened: the customer rated its handling 2 of 5");

        // the edits of both pings wait until the new one is sent, then show the complaint open again
        engine.clock().advance(java.time.Duration.ofSeconds(5));
        engine.runReactions();
        joon.deliverPending();
        List<OutboundMessage> edits = engine.gateway().deliveredTo(GROUP).stream()
                .filter(OutboundMessage.Edit.class::isInstance).toList();
        assertThat(edits.subList(edits.size() - 2, edits.size())).allSatisfy(edit -> {
            assertThat(edit.text()).contains("Status: claimed by Joon");
            assertThat(edit.buttons()).flatExtracting(row -> row).extracting(button -> button.label())
                    .containsExactly("Reply", "Resolve", "Cannot help");
        });
        assertThat(onlyComplaintOf("7010").status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        assertThat(historyOf("7010")).containsExactly("Reopened: the customer rated the handling 2 of 5");
    }

    private OutboundMessage lastSentTo(ChannelRef chat) {
        List<RecordingGateway.Sent> sent = engine.gateway().sent().stream()
                .filter(each -> each.channel().equals(chat)).toList();
        return sent.get(sent.size() - 1).message();
    }
}
