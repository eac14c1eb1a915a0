package io.retainbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AssetsTest {
    @Test
    void servesTheHtmxOfTheWebJarThePomPins() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        assertThat(pom).contains("<htmx.version>" + HtmxVersion.VERSION + "</htmx.version>");
        try (InputStream htmx = getClass().getClassLoader().getResourceAsStream(
                "META-INF/resources/webjars/htmx.org/" + HtmxVersion.VERSION + "/dist/htmx.min.js")) {
            assertThat(htmx).isNotNull();
        }
    }

    @Test
    void rendersThePrecompiledSignInPageWithItsTextsEscaped() {
        ConsoleTexts.In english = ConsoleTexts.builtIn().in("en");
        String html = new Pages().render("signIn.jte", new Pages.SignInPage(
                new Frame(english, null, "token", english.get("sign_in.title"), ""), "<b>ana</b>", null));
        assertThat(html).contains("<label for=\"login\">Email or name</label>")
                .contains("value=\"&lt;b>ana&lt;/b>\"").doesNotContain("<b>ana")
                .contains("name=\"csrf\" value=\"token\"");
    }
}
