package io.retainbot.core.store;

import io.retainbot.core.port.ComplaintStore;
import io.retainbot.core.port.ConversationStore;
import io.retainbot.core.port.CursorStore;
import io.retainbot.core.port.CustomerStore;
import io.retainbot.core.port.FeedbackStore;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.InboxStore;
import io.retainbot.core.port.InteractionLog;
import io.retainbot.core.port.OutboxStore;
import io.retainbot.core.port.SettingStore;
import io.retainbot.core.port.StaffStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.WebChatStore;
import org.jdbi.v3.core.Handle;

/** Every store bound to one open handle; created per transaction, so cheap and never shared. */
final class JdbiStoreSession implements StoreSession {
    private final Handle handle;

    JdbiStoreSession(Handle handle) {
        this.handle = handle;
    }

    @Override
    public CustomerStore customers() {
        return new JdbiCustomerStore(handle.attach(CustomerDao.class));
    }

    @Override
    public StaffStore staff() {
        return new JdbiStaffStore(handle.attach(StaffDao.class));
    }

    @Override
    public InteractionLog interactions() {
        return new JdbiInteractionLog(handle.attach(InteractionDao.class));
    }

    @Override
    public InboxStore inbox() {
        return new JdbiInboxStore(handle.attach(InboxDao.class));
    }

    @Override
    public OutboxStore outbox() {
        return new JdbiOutboxStore(handle.attach(OutboxDao.class));
    }

    @Override
    public ConversationStore conversations() {
        return new JdbiConversationStore(handle.attach(ConversationDao.class));
    }

    @Override
    public SettingStore settings() {
        return new JdbiSettingStore(handle.attach(SettingDao.class));
    }

    @Override
    public CursorStore cursors() {
        return new JdbiCursorStore(handle.attach(CursorDao.class));
    }

    @Override
    public ComplaintStore complaints() {
        return new JdbiComplaintStore(handle.attach(ComplaintDao.class));
    }

    @Override
    public FeedbackStore feedback() {
        return new JdbiFeedbackStore(handle.attach(FeedbackDao.class));
    }

    @Override
    public WebChatStore webChat() {
        return new JdbiWebChatStore(handle.attach(WebChatDao.class), customers());
    }

    @Override
    public FileStore files() {
        return new JdbiFileStore(handle.attach(FileDao.class));
    }
}
