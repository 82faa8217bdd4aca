package io.compose4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code compose4j-bom} has no parent (so importing it manages nothing but Compose4J), which means
 * nothing keeps it in step with the build by itself: this test does. It manages every published
 * module (every module of the parent POM that does not set {@code maven.deploy.skip}) at the
 * project's version, and nothing else.
 */
class BomTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern ARTIFACT =
      Pattern.compile(
          "<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");

  @Test
  void theBomManagesEveryPublishedModuleAtTheProjectVersionAndNothingElse() throws Exception {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String version =
        first(
            Pattern.compile(
                "<artifactId>compose4j-parent</artifactId>\\s*<version>([^<]+)</version>"),
            parent);
    List<String> published = new ArrayList<>();
    Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    while (modules.find()) {
      String module = modules.group(1);
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      if (!module.equals("compose4j-bom")
          && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
        published.add("io.compose4j:" + module + ":" + version);
      }
    }

    String bom = Files.readString(ROOT.resolve("compose4j-bom/pom.xml"));
    assertThat(bom).doesNotContain("<parent>");
    assertThat(
            first(
                Pattern.compile(
                    "<artifactId>compose4j-bom</artifactId>\\s*<version>([^<]+)</version>"),
                bom))
        .isEqualTo(version);
    String managed =
        bom.substring(
            bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    List<String> entries = new ArrayList<>();
    Matcher m = ARTIFACT.matcher(managed);
    while (m.find()) {
      entries.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
    }
    assertThat(published)
        .contains("io.compose4j:compose-model:" + version, "io.compose4j:compose-test:" + version);
    assertThat(entries).containsExactlyInAnyOrderElementsOf(published);
  }

  private static String first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("%s in the POM", p).isTrue();
    return m.group(1);
  }
}
