package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.i18n.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogueTest {
    private final Dialogue dialogue = new Dialogue(Messages.builtIn());

    @Test
    void listsEveryCommandTheFlowsDeclareOnceInTheOrderOffered() {
        assertThat(dialogue.commandNames()).containsExactly(
                "complaint", "status", "suggest", "human", "language", "mydata", "forget", "start", "stop", "menu", "help",
                "cancel");
    }

    @Test
    void refusesCommandNamesTelegramWouldRefuse() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChatCommand.of("Status!", Effect.STARTS_FLOW,
                (turn, argument) -> Step.idle())).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChatCommand.of("status", Effect.STARTS_FLOW, (turn, argument) -> Step.idle()).alias("s1").names())
                .isEqualTo(List.of("status", "s1"));
    }

    @Test
    void anArgumentTurnsAStartIntoAnAside() {
        assertThat(Effect.ASIDE_WITH_ARGUMENT.given("")).isEqualTo(Effect.STARTS_FLOW);
        assertThat(Effect.ASIDE_WITH_ARGUMENT.given("C-1042")).isEqualTo(Effect.ASIDE);
        assertThat(Effect.STARTS_FLOW.given("C-1042")).isEqualTo(Effect.STARTS_FLOW);
    }
}
