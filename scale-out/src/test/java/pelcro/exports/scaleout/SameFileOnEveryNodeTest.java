package pelcro.exports.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.scaleout.support.Endpoint.uuidOf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.scaleout.support.Answer;
import pelcro.exports.scaleout.support.Endpoint;
import pelcro.exports.scaleout.support.SandboxNode;
import pelcro.exports.scaleout.support.ScaleOut;
import pelcro.exports.scaleout.support.ScaleOutExtension;

/**
 * Seeded data is not stored: every node generates the files itself, so the same export must be the
 * same bytes whichever node serves it, including a node started later than the others (as after
 * {@link NodeCrashTest}), because the seed and the data's time anchor are the shared state's, not
 * the node's (issue 14, point 4).
 */
@Order(4)
@ExtendWith(ScaleOutExtension.class)
class SameFileOnEveryNodeTest {
  @BeforeEach
  void everythingRuns(ScaleOut deployment) {
    deployment.ensureRunning();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theSameExportIsTheSameFileWhicheverNodeServesIt(ScaleOut deployment) {
    Map<String, Object> query = Endpoint.recent("subscriptions"); // one query for every node
    List<String> files = new ArrayList<>();
    for (SandboxNode node : deployment.nodes()) {
      Endpoint viaNode = node.endpoint();
      String key = deployment.lb().session().key();
      String uuid = uuidOf(viaNode.request(key, query));
      assertThat(viaNode.advanceClock(key, 3).status()).isEqualTo(200); // past the 2-s job
      Answer file = viaNode.download(key, uuid);
      assertThat(file.status()).as("%s", file).isEqualTo(200);
      files.add(new String(file.body(), StandardCharsets.UTF_8));
    }
    for (int i = 1; i < files.size(); i++) {
      if (!files.get(i).equals(files.get(0))) {
        throw new AssertionError(
            "the same export ("
                + query
                + ") is another file from "
                + deployment.node(i)
                + " than from "
                + deployment.node(0)
                + " ("
                + files.get(i).length()
                + " and "
                + files.get(0).length()
                + " characters); first difference at line "
                + firstDifference(files.get(0), files.get(i)));
      }
    }
  }

  private static String firstDifference(String a, String b) {
    List<String> left = a.lines().toList();
    List<String> right = b.lines().toList();
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      if (!left.get(i).equals(right.get(i))) {
        return (i + 1) + ":\n  " + left.get(i) + "\n  " + right.get(i);
      }
    }
    return left.size() == right.size()
        ? "none"
        : "the end (" + left.size() + " vs " + right.size() + " lines)";
  }
}
