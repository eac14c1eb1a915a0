package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The button labels a conversation remembers, so a press is logged as the label the customer saw. */
class OfferedLabelsTest {
    private static final Conversation FRESH = Conversation.fresh(new ChannelRef(Platform.TELEGRAM, "chat-1"),
            Instant.parse("2026-11-30T09:00:00Z"));

    @Test
    void remembersTheLabelsOfEveryButtonOfferedInOrder() {
        Conversation offered = FRESH.offered(List.of(buttons("a", "b"), buttons("c")));

        assertThat(offered.offeredButtons().keySet()).containsExactly("a", "b", "c");
        assertThat(offered.labelOf("b")).contains("label b");
    }

    @Test
    void answersTheSameConversationWhenTheButtonsOfferedAgainAreRecent() {
        Conversation offered = FRESH.offered(List.of(buttons("a", "b", "c")));

        assertThat(offered.offered(List.of(buttons("a")))).isSameAs(offered);
        assertThat(offered.offered(List.of(OutboundMessage.Text.of("no buttons")))).isSameAs(offered);
    }

    @Test
    void takesTheNewLabelOfDataItRemembersAsTheNewest() {
        Conversation offered = FRESH.offered(List.of(buttons("a", "b")));

        Conversation renamed = offered.offered(List.of(new OutboundMessage.Text("again",
                List.of(List.of(new Button("Other words", "a"))))));

        assertThat(renamed.offeredButtons().keySet()).containsExactly("b", "a");
        assertThat(renamed.labelOf("a")).contains("Other words");
    }

    @Test
    void movesALabelOfferedAgainToTheNewestEndWhenManyNewerFollowIt() {
        Conversation offered = FRESH.offered(List.of(buttons("old"))).offered(List.of(buttons(
                numbered(Conversation.SETTLED_BUTTONS))));

        Conversation again = offered.offered(List.of(buttons("old")));

        assertThat(again.offeredButtons().keySet()).last().isEqualTo("old");
        assertThat(again.offeredButtons()).hasSize(Conversation.SETTLED_BUTTONS + 1);
    }

    @Test
    void forgetsTheOldestBeyondTheBoundButNotALabelOfferedLately() {
        Conversation offered = FRESH.offered(List.of(buttons("first", "menu")))
                .offered(List.of(buttons(numbered(Conversation.REMEMBERED_BUTTONS - 3))))
                .offered(List.of(buttons("menu")));

        Conversation full = offered.offered(List.of(buttons("new-1", "new-2")));

        assertThat(full.offeredButtons()).hasSize(Conversation.REMEMBERED_BUTTONS);
        assertThat(full.labelOf("first")).isEmpty();
        assertThat(full.labelOf("menu")).contains("label menu");
        assertThat(full.labelOf("new-2")).contains("label new-2");
    }

    private static String[] numbered(int count) {
        return IntStream.range(0, count).mapToObj(n -> "b" + n).toArray(String[]::new);
    }

    private static OutboundMessage buttons(String... data) {
        List<Button> row = new ArrayList<>();
        for (String each : data) {
            row.add(new Button("label " + each, each));
        }
        return new OutboundMessage.Text("Pick one", List.of(row));
    }
}
