package io.compose4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Maven plugin" configuration is the one the invoker project really runs. */
class ReadmeTest {
  @Test
  void theReadmeShowsThePluginConfigurationOfThePassingInvokerProject() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("### Maven plugin"));
    Matcher xml = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(xml.find()).as("an xml block in the README's Maven plugin section").isTrue();

    String pom = Files.readString(Path.of("src/it/validate-and-generate/pom.xml"));
    int start = pom.indexOf("      <plugin>\n        <groupId>io.compose4j</groupId>");
    String plugin =
        pom.substring(start, pom.indexOf("      </plugin>\n", start) + "      </plugin>\n".length())
            .replace("@project.version@", System.getProperty("project.version"));
    assertThat(xml.group(1)).isEqualTo(plugin.replaceAll("(?m)^      ", ""));
  }
}
