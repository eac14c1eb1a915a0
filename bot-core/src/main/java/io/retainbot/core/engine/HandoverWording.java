package io.retainbot.core.engine;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.flow.HandoverFlow;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.usecase.HandoverCare;

/** The dialogue's words for a chat changing hands, for the use case that changes it. */
final class HandoverWording implements HandoverCare.Wording {
    @Override
    public OutboundMessage taken(Texts texts, String person, String company) {
        return HandoverFlow.taken(texts, person, company);
    }

    @Override
    public OutboundMessage handedBack(Texts texts, String person, String company) {
        return HandoverFlow.handedBack(texts, person, company);
    }

    @Override
    public OutboundMessage cancelled(Texts texts) {
        return HandoverFlow.closedUntaken(texts);
    }
}
