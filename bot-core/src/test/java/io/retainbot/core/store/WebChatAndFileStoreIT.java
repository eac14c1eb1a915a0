package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.port.WebChatStore.VisitorLine;
import io.retainbot.core.port.WebChatStore.WebEntry;
import io.retainbot.core.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebChatAndFileStoreIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();
    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

    private final Transactor transactor = db.database().transactor();

    @Test
    void knowsOnlySessionsItOpened() {
        transactor.runInTransaction(session -> session.webChat().openSession("w-opened", NOW));

        boolean opened = transactor.inTransaction(session -> session.webChat().sessionExists("w-opened"));
        boolean invented = transactor.inTransaction(session -> session.webChat().sessionExists("w-invented"));

        assertThat(opened).isTrue();
        assertThat(invented).isFalse();
    }

    @Test
    void keepsBothSidesOfAWebChatInOrderAndEachVisitorEventOnce() {
        String chat = "w-transcript";
        OutboundMessage question = new OutboundMessage.Text("What is it about?",
                List.of(List.of(new Button("Delivery", "intake:category:delivery"))));
        long asked = transactor.inTransaction(session -> session.webChat().append(chat, question, NOW));
        boolean first = transactor.inTransaction(session -> session.webChat().appendVisitor(chat, "e1",
                VisitorLine.text("Delivery"), NOW));
        boolean again = transactor.inTransaction(session -> session.webChat().appendVisitor(chat, "e1",
                VisitorLine.text("Delivery"), NOW));
        transactor.inTransaction(session -> session.webChat().appendVisitor(chat, "e2",
                new VisitorLine("", "key-1", "box.jpg", "image/jpeg"), NOW));
        transactor.inTransaction(session -> session.webChat().append(chat, OutboundMessage.Text.of("Thanks."), NOW));

        List<WebEntry> transcript = transactor.inTransaction(session -> session.webChat().after(chat, 0, 100));
        List<WebEntry> later = transactor.inTransaction(session -> session.webChat().after(chat, asked, 100));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(transcript).hasSize(4);
        assertThat(transcript.get(0)).isInstanceOfSatisfying(WebEntry.BotSaid.class,
                said -> assertThat(said.message()).isEqualTo(question));
        assertThat(transcript.get(1)).isInstanceOfSatisfying(WebEntry.VisitorSaid.class,
                said -> assertThat(said.line().text()).isEqualTo("Delivery"));
        assertThat(transcript.get(2)).isInstanceOfSatisfying(WebEntry.VisitorSaid.class,
                said -> assertThat(said.line().fileName()).isEqualTo("box.jpg"));
        assertThat(transcript.get(3)).isInstanceOf(WebEntry.BotSaid.class);
        assertThat(later).hasSize(3);
        Optional<OutboundMessage> found = transactor.inTransaction(session -> session.webChat().botMessage(chat, asked));
        Optional<OutboundMessage> elsewhere = transactor.inTransaction(session ->
                session.webChat().botMessage("w-other", asked));
        assertThat(found).contains(question);
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void storesAnUploadOnceAndReadsItBackWhole() {
        ChannelRef chat = new ChannelRef(Platform.WEB, "w-files");
        byte[] content = "%PDF-1.4 receipt".getBytes(StandardCharsets.US_ASCII);

        FileStore.StoredFile stored = transactor.inTransaction(session -> session.files().save(new FileStore.NewFile(
                "key-first", chat, "upload-1", "application/pdf", "receipt.pdf", content, NOW)));
        FileStore.StoredFile retried = transactor.inTransaction(session -> session.files().save(new FileStore.NewFile(
                "key-second", chat, "upload-1", "application/pdf", "receipt.pdf", content, NOW)));

        assertThat(stored.key()).isEqualTo("key-first");
        assertThat(retried.key()).isEqualTo("key-first");
        assertThat(stored.sizeBytes()).isEqualTo(content.length);
        assertThat(stored.sha256()).hasSize(64);
        Optional<FileStore.StoredFile> first = transactor.inTransaction(session -> session.files().find("key-first"));
        Optional<FileStore.StoredFile> second = transactor.inTransaction(session -> session.files().find("key-second"));
        assertThat(first).hasValueSatisfying(file -> {
            assertThat(file.content()).isEqualTo(content);
            assertThat(file.channel()).isEqualTo(chat);
            assertThat(file.fileName()).isEqualTo("receipt.pdf");
        });
        assertThat(second).isEmpty();
    }
}
