package io.retainbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AssetsTest {
    @Test
    void servesTheHtmxOfTheWebJarThePomPins() throws Exception {
        assertThat(webJarScript("htmx.version", "htmx.org", HtmxVersion.VERSION, "dist/htmx.min.js")).isNotEmpty();
    }

    @Test
    void servesTheChartJsOfTheWebJarThePomPinsAsOneSelfContainedScript() throws Exception {
        assertThat(webJarScript("chartjs.version", "chart.js", ReportDesk.CHART_JS_VERSION, "dist/chart.umd.min.js"))
                .startsWith("/*!\n * Chart.js v" + ReportDesk.CHART_JS_VERSION).doesNotContain("require(");
    }

    /** The script the console serves from a WebJar, whose version the root pom pins under {@code property}. */
    private String webJarScript(String property, String webJar, String version, String path) throws Exception {
        assertThat(Files.readString(Path.of("..", "pom.xml"))).contains("<" + property + ">" + version + "</" + property + ">");
        try (InputStream script = getClass().getClassLoader().getResourceAsStream(
                "META-INF/resources/webjars/" + webJar + "/" + version + "/" + path)) {
            assertThat(script).as(webJar + " " + version).isNotNull();
            return new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void rendersThePrecompiledSignInPageWithItsTextsEscaped() {
        ConsoleTexts.In english = ConsoleTexts.builtIn().in("en");
        String html = new Pages().render("signIn.jte", new Pages.SignInPage(
                new Frame(english, null, "token", english.get("sign_in.title"), ""), "<b>ana</b>", null, null));
        assertThat(html).contains("<label for=\"login\">Email or name</label>")
                .contains("value=\"&lt;b>ana&lt;/b>\"").doesNotContain("<b>ana")
                .contains("name=\"csrf\" value=\"token\"");
    }
}
