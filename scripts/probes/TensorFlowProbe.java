import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.*;
import ai.djl.repository.zoo.*;
import ai.djl.translate.NoopTranslator;
import org.tensorflow.*;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import java.nio.file.*;

/**
 * Evidence for issue #8: starts DJL 0.36's TensorFlow engine offline on the natives Maven Central
 * has (2.10.1, while DJL 0.36 expects 2.16.1), builds a tiny SavedModel with the TensorFlow Java
 * API bundled in DJL's tensorflow-api, and runs it through DJL. Run by scripts/probes/tensorflow.
 */
public class TensorFlowProbe {
  public static void main(String[] a) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    if (a.length > 0) System.setProperty("TENSORFLOW_LIBRARY_PATH", a[0]);
    Engine e = Engine.getEngine("TensorFlow");
    System.out.println("engine " + e.getEngineName() + " " + e.getVersion());
    Path dir = Paths.get(a[1]);
    if (!Files.exists(dir)) {
      try (Graph g = new Graph(); Session s = new Session(g)) {
        Ops tf = Ops.create(g);
        Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 20)));
        float[][] w = new float[20][1]; for (int i = 0; i < 20; i++) w[i][0] = (i - 10) / 10f;
        var y = tf.math.add(tf.linalg.matMul(x, tf.constant(w)), tf.constant(0.5f));
        Signature sig = Signature.builder().key("serving_default").input("x", x).output("y", y).build();
        SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(sig, s)).export();
      }
      System.out.println("saved model written");
    }
    Criteria<NDList, NDList> c = Criteria.builder().setTypes(NDList.class, NDList.class).optEngine("TensorFlow")
      .optModelPath(dir).optTranslator(new NoopTranslator()).build();
    try (ZooModel<NDList, NDList> m = c.loadModel(); Predictor<NDList, NDList> p = m.newPredictor(); NDManager nd = NDManager.newBaseManager("TensorFlow")) {
      float[] in = new float[40]; for (int i = 0; i < 40; i++) in[i] = i % 20;
      NDList out = p.predict(new NDList(nd.create(in, new ai.djl.ndarray.types.Shape(2, 20))));
      float[] got = out.singletonOrThrow().toFloatArray();
      float exp = 0.5f; for (int i = 0; i < 20; i++) exp += i * (i - 10) / 10f;
      System.out.println("got " + java.util.Arrays.toString(got) + " expected " + exp);
    }
  }
}
