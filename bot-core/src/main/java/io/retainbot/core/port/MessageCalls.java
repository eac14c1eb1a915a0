package io.retainbot.core.port;

/**
 * The platform calls of one message, in order, for a gateway that makes several (a long text in parts, a photo
 * and then its text): skips the calls an earlier attempt made, makes the first of the others at once (the
 * dispatcher gave it its place) and each one after that once {@link ChatGateway.FurtherCalls#next()} gave it a
 * place. One send's, on its sender's thread.
 */
public final class MessageCalls {
    /** What to do with the next call in order. */
    public enum Turn {
        /** Make it now. */
        MAKE,
        /** An earlier attempt made it: skip it. */
        MADE_BEFORE,
        /** It got no place: make no more calls, the send fails retryably. */
        NO_PLACE
    }

    private final ChatGateway.FurtherCalls furtherCalls;
    private final int madeBefore;
    private int position;
    private boolean madeNow;

    public MessageCalls(ChatGateway.FurtherCalls furtherCalls) {
        this.furtherCalls = furtherCalls;
        this.madeBefore = Math.max(0, furtherCalls.madeBefore());
    }

    /** The turn of the next call in order; ask once for each call the message takes. */
    public Turn next() {
        position++;
        if (position <= madeBefore) {
            return Turn.MADE_BEFORE;
        }
        if (madeNow && !furtherCalls.next()) {
            return Turn.NO_PLACE;
        }
        madeNow = true;
        return Turn.MAKE;
    }

    /** Whether this attempt made any call (false when an earlier one made them all). */
    public boolean madeAny() {
        return madeNow;
    }
}
