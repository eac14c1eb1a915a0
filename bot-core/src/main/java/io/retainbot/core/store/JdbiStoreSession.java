package io.retainbot.core.store;

import io.retainbot.core.port.ConversationStore;
import io.retainbot.core.port.CursorStore;
import io.retainbot.core.port.CustomerStore;
import io.retainbot.core.port.InboxStore;
import io.retainbot.core.port.InteractionLog;
import io.retainbot.core.port.OutboxStore;
import io.retainbot.core.port.SettingStore;
import io.retainbot.core.port.StaffStore;
import io.retainbot.core.port.StoreSession;
import org.jdbi.v3.core.Handle;

/** Every store bound to one open handle; created per transaction, so cheap and never shared. */
final class JdbiStoreSession implements StoreSession {
    private final Handle handle;

    JdbiStoreSession(Handle handle) {
        this.handle = handle;
    }

    @Override
    public CustomerStore customers() {
        throw new UnsupportedOperationException("customer store not yet built");
    }

    @Override
    public StaffStore staff() {
        throw new UnsupportedOperationException("staff store not yet built");
    }

    @Override
    public InteractionLog interactions() {
        throw new UnsupportedOperationException("interaction log not yet built");
    }

    @Override
    public InboxStore inbox() {
        throw new UnsupportedOperationException("inbox not yet built");
    }

    @Override
    public OutboxStore outbox() {
        throw new UnsupportedOperationException("outbox not yet built");
    }

    @Override
    public ConversationStore conversations() {
        throw new UnsupportedOperationException("conversation store not yet built");
    }

    @Override
    public SettingStore settings() {
        return new JdbiSettingStore(handle.attach(SettingDao.class));
    }

    @Override
    public CursorStore cursors() {
        return new JdbiCursorStore(handle.attach(CursorDao.class));
    }
}
