package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.i18n.Texts;
import java.util.List;

/** The main actions every dead end offers as buttons. Their data is understood in every state. */
public final class MainMenu {
    public static final String COMPLAINT = "menu:complaint";
    public static final String STATUS = "menu:status";
    public static final String SUGGEST = "menu:suggest";
    public static final String HUMAN = "menu:human";
    public static final String LANGUAGE = "menu:language";
    public static final String HOME = "menu:home";

    private MainMenu() {
    }

    public static List<List<Button>> buttons(Texts texts) {
        return List.of(
                List.of(new Button(texts.get("menu.complaint"), COMPLAINT), new Button(texts.get("menu.status"), STATUS)),
                List.of(new Button(texts.get("menu.suggest"), SUGGEST), new Button(texts.get("menu.human"), HUMAN)),
                List.of(new Button(texts.get("menu.language"), LANGUAGE)));
    }

    /** {@code text} followed by the main-action buttons. */
    public static OutboundMessage with(String text, Texts texts) {
        return new OutboundMessage.Text(text, buttons(texts));
    }
}
