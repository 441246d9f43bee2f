package dev.testlet.examples.userproject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** testlet-bom lists every artifact Testlet publishes with code (every jar module), at the build's version. */
class BomTest {

    private static final Path ROOT = Path.of(System.getProperty("testlet.moduleDir")).resolve("../..").normalize();

    @Test
    void the_bom_lists_every_published_jar_at_this_version() throws Exception {
        Element bom = read(ROOT.resolve("dsl/bom/pom.xml"));
        Set<String> listed = new TreeSet<>();
        for (Element dependency : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            assertThat(text(dependency, "groupId")).isEqualTo("dev.testlet");
            assertThat(text(dependency, "version")).isEqualTo("${project.version}");
            listed.add(text(dependency, "artifactId"));
        }

        assertThat(text(bom, "version")).as("testlet-bom's version").isEqualTo(System.getProperty("testlet.version"));
        assertThat(listed).isEqualTo(publishedJars());
    }

    /** The artifactIds of the jar modules under engine/ and dsl/ (the published ones). */
    private static Set<String> publishedJars() throws Exception {
        Set<String> jars = new TreeSet<>();
        for (String tree : List.of("engine", "dsl")) {
            try (Stream<Path> poms = Files.walk(ROOT.resolve(tree), 2)) {
                for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                    Element project = read(pom);
                    Element packaging = child(project, "packaging");
                    if (packaging == null || packaging.getTextContent().trim().equals("jar")) {
                        jars.add(text(project, "artifactId"));
                    }
                }
            }
        }
        assertThat(jars).as("jar modules found").contains("testlet-dsl", "testlet-engine");
        return jars;
    }

    private static Element read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        assertThat(e).as("<%s> in <%s>", name, parent.getTagName()).isNotNull();
        return e.getTextContent().trim();
    }
}
