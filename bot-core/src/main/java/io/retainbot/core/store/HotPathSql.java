package io.retainbot.core.store;

/**
 * The SQL the engine runs for every inbound event, as the stores run it, published for the engine
 * benchmark's plain JDBC baseline: the baseline issues exactly these statements with nothing of ours
 * around them, so the benchmark shows what our own code costs on top of the SQL.
 */
public final class HotPathSql {
    /** Records an event in the inbox and, when it is new, locks its conversation and marks a known sender seen. */
    public static final String ACCEPT = JdbiEventIntake.ACCEPT;
    /** Locks the chat's conversation, answering it. */
    public static final String LOCK_CONVERSATION = JdbiConversationStore.LOCK;
    /** Creates an idle conversation for a chat that has none. */
    public static final String INSERT_IDLE_CONVERSATION = JdbiConversationStore.INSERT_IDLE;
    /** Marks a known sender's identity seen and answers the customer. */
    public static final String CUSTOMER_SEEN = JdbiCustomerStore.FIND_AND_MARK_SEEN;
    /** Creates a customer on first contact. */
    public static final String CREATE_CUSTOMER = JdbiCustomerStore.CREATE;
    /** Links a sender's identity to the new customer. */
    public static final String INSERT_IDENTITY = JdbiCustomerStore.LINK;
    /** The customer a sender's identity is linked to. */
    public static final String FIND_OWNER = JdbiCustomerStore.OWNER;
    /** Reserves the next complaint number. */
    public static final String RESERVE_COMPLAINT_NUMBER = JdbiComplaintStore.NEXT_NUMBER;
    /** Logs the inbound event, saves the conversation and queues the replies. */
    public static final String FINISH = JdbiEventIntake.FINISH;

    private HotPathSql() {
    }
}
