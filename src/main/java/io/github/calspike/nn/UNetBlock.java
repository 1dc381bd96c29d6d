package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A small U-Net for per-pixel maps: input (batch, channels, height, width), output (batch,
 * outputs, height, width) of logits. Each level is two [Conv2d 3x3 + BatchNorm + ReLU]; the
 * encoder halves the size with 2x2 max pooling and doubles the channels, the decoder doubles the
 * size (nearest neighbour, then a 3x3 convolution: DJL's PyTorch engine has no transposed
 * convolution) and concatenates the encoder's features of that size.
 * Height and width must be multiples of 2^(levels-1).
 */
public class UNetBlock extends AbstractBlock {

	private static final byte VERSION = 1;

	/** Default channels of the first level. */
	public static final int DEFAULT_FILTERS = 16;
	/** Default number of levels (resolutions). */
	public static final int DEFAULT_LEVELS = 3;

	private final int filters, levels, outputs;
	private final List<Conv2d[]> down = new ArrayList<>();
	private final List<BatchNorm[]> downNorm = new ArrayList<>();
	private final List<Conv2d> up = new ArrayList<>();
	private final List<Conv2d[]> upConv = new ArrayList<>();
	private final List<BatchNorm[]> upNorm = new ArrayList<>();
	private final Conv2d head;

	private UNetBlock(Builder b) {
		super(VERSION);
		filters = b.filters;
		levels = b.levels;
		outputs = b.outputs;
		for (int l = 0; l < levels; l++) {
			int f = filters << l;
			down.add(new Conv2d[] { addChildBlock("down" + l + "a", conv(f)), addChildBlock("down" + l +
				"b", conv(f)) });
			downNorm.add(new BatchNorm[] { addChildBlock("down" + l + "an", norm()), addChildBlock("down" +
				l + "bn", norm()) });
		}
		for (int l = levels - 2; l >= 0; l--) {
			int f = filters << l;
			up.add(addChildBlock("up" + l, conv(f)));
			upConv.add(new Conv2d[] { addChildBlock("up" + l + "a", conv(f)), addChildBlock("up" + l + "b",
				conv(f)) });
			upNorm.add(new BatchNorm[] { addChildBlock("up" + l + "an", norm()), addChildBlock("up" + l +
				"bn", norm()) });
		}
		head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(
			outputs).build());
	}

	private static Conv2d conv(int f) {
		return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(
			f).build();
	}

	private static BatchNorm norm() {
		return BatchNorm.builder().optAxis(1).build();
	}

	/** @return a builder with the default sizes */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the multiple that input height and width must be */
	public int sizeMultiple() {
		return 1 << (levels - 1);
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
		PairList<String, Object> params)
	{
		NDArray h = inputs.singletonOrThrow();
		List<NDArray> skips = new ArrayList<>();
		for (int l = 0; l < levels; l++) {
			if (l > 0) h = Pool.maxPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
			h = pair(ps, h, down.get(l), downNorm.get(l), training, params);
			skips.add(h);
		}
		for (int k = 0; k < up.size(); k++) {
			int l = levels - 2 - k;
			h = h.repeat(2, 2).repeat(3, 2);
			h = up.get(k).forward(ps, new NDList(h), training, params).head();
			h = h.concat(skips.get(l), 1);
			h = pair(ps, h, upConv.get(k), upNorm.get(k), training, params);
		}
		return new NDList(head.forward(ps, new NDList(h), training, params).head());
	}

	private static NDArray pair(ParameterStore ps, NDArray h, Conv2d[] c, BatchNorm[] n,
		boolean training, PairList<String, Object> params)
	{
		for (int i = 0; i < 2; i++) {
			h = c[i].forward(ps, new NDList(h), training, params).head();
			h = Activation.relu(n[i].forward(ps, new NDList(h), training, params).head());
		}
		return h;
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape s = inputShapes[0];
		return new Shape[] { new Shape(s.get(0), outputs, s.get(2), s.get(3)) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape in = inputShapes[0];
		long n = in.get(0), c = in.get(1), hh = in.get(2), ww = in.get(3);
		long[] hs = new long[levels], ws = new long[levels];
		for (int l = 0; l < levels; l++) {
			hs[l] = hh >> l;
			ws[l] = ww >> l;
			int f = filters << l;
			down.get(l)[0].initialize(manager, dataType, new Shape(n, c, hs[l], ws[l]));
			downNorm.get(l)[0].initialize(manager, dataType, new Shape(n, f, hs[l], ws[l]));
			down.get(l)[1].initialize(manager, dataType, new Shape(n, f, hs[l], ws[l]));
			downNorm.get(l)[1].initialize(manager, dataType, new Shape(n, f, hs[l], ws[l]));
			c = f;
		}
		for (int k = 0; k < up.size(); k++) {
			int l = levels - 2 - k;
			int f = filters << l;
			up.get(k).initialize(manager, dataType, new Shape(n, c, hs[l], ws[l]));
			upConv.get(k)[0].initialize(manager, dataType, new Shape(n, 2L * f, hs[l], ws[l]));
			upNorm.get(k)[0].initialize(manager, dataType, new Shape(n, f, hs[l], ws[l]));
			upConv.get(k)[1].initialize(manager, dataType, new Shape(n, f, hs[l], ws[l]));
			upNorm.get(k)[1].initialize(manager, dataType, new Shape(n, f, hs[l], ws[l]));
			c = f;
		}
		head.initialize(manager, dataType, new Shape(n, c, hh, ww));
	}

	@Override
	public String toString() {
		return "UNet(filters=" + filters + ", levels=" + levels + ", outputs=" + outputs + ")";
	}

	/** Configures a {@link UNetBlock}. */
	public static final class Builder {
		private int filters = DEFAULT_FILTERS, levels = DEFAULT_LEVELS, outputs = 2;

		/** Sets the channels of the first level (doubled at each level below). */
		public Builder optFilters(int v) {
			if (v < 1) throw new IllegalArgumentException("filters must be >= 1, got " + v);
			filters = v;
			return this;
		}

		/** Sets the number of levels (1 = no pooling). */
		public Builder optLevels(int v) {
			if (v < 1 || v > 6) throw new IllegalArgumentException("levels must be 1..6, got " + v);
			levels = v;
			return this;
		}

		/** Sets the number of output maps. */
		public Builder optOutputs(int v) {
			if (v < 1) throw new IllegalArgumentException("outputs must be >= 1, got " + v);
			outputs = v;
			return this;
		}

		/** @return the block */
		public UNetBlock build() {
			return new UNetBlock(this);
		}
	}
}
