package io.github.calspike.model;

import java.io.IOException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata of a model folder, stored as {@code model.json}: format and version, network type
 * and sizes, the window spec, normalisation and sampling rate it expects, where its training data
 * came from (file names and SHA-256), its training settings, history and validation metrics, and
 * the CalSpike and DJL versions that wrote it. Fields are public for JSON mapping; treat an
 * instance as a value.
 */
public final class ModelInfo {

	/** The value of {@code format} in every CalSpike model.json. */
	public static final String FORMAT = "calspike-model";
	/** The newest format version this CalSpike reads and the one it writes. */
	public static final int FORMAT_VERSION = 1;
	/** Network type of the LSTM spike classifier. */
	public static final String SPIKE_CLASSIFIER = "spike-classifier";
	/** Network type of the calcium variational autoencoder. */
	public static final String VAE = "vae";
	/** Network type of the spike-rate model. */
	public static final String SPIKE_RATE = "spike-rate";
	/** Type of a neuron detector (a U-Net over a movie's summary images). */
	public static final String NEURON_DETECTOR = "neuron-detector";

	/** Always {@link #FORMAT}. */
	public String format = FORMAT;
	/** Format version, see {@link #FORMAT_VERSION}. */
	public int formatVersion = FORMAT_VERSION;
	/** Network type, e.g. {@link #SPIKE_CLASSIFIER}. */
	public String type;
	/** Network description and sizes. */
	public Network network = new Network();
	/** Window the network expects. */
	public Window window = new Window();
	/** Per-neuron normalisation label, as {@code trace.Normalization#label()} gives it. */
	public String normalization;
	/** Sampling rate the model works at, Hz. */
	public double rateHz;
	/** The parameters file inside the folder and its SHA-256. */
	public FileRef parameters = new FileRef();
	/** How the model was trained. */
	public Training training = new Training();
	/**
	 * How the rate model's output is turned into expected spikes per frame (rate model); null in
	 * models written before it existed, whose output is used as it is.
	 */
	public Calibration calibration;
	/** How a neuron detector's maps become neurons; only in {@link #NEURON_DETECTOR} models. */
	public Detector detector;
	/** Software versions that wrote the model. */
	public Map<String, String> versions = new LinkedHashMap<>();
	/** ISO-8601 time of writing. */
	public String created;

	/** Network sizes. */
	public static final class Network {
		/** Human-readable layer description. */
		public String architecture;
		/** Per-bin input features. */
		public List<String> features = new ArrayList<>();
		/** LSTM units (classifier). */
		public int units;
		/** Channels per hidden layer (rate model). */
		public int filters;
		/** Kernel width (rate model). */
		public int kernel;
		/** Dilated layers (rate model). */
		public int layers;
		/** Latent size (VAE). */
		public int latent;
		/** KL weight beta (VAE). */
		public double beta;
		/**
		 * Hidden layer after which features averaged over the whole trace are added (rate model);
		 * -1 for none, as in models written before global context existed.
		 */
		public int globalContext = -1;
		/** Ensemble members averaged (rate model; 1 = a single network). */
		public int members = 1;
		/**
		 * The network's output divided by this is expected spikes per frame (rate model): the
		 * training target scale, calibrated after training so that the training neurons' expected
		 * spikes add up to their recorded spikes.
		 */
		public double outputScale = 1;
	}

	/**
	 * The rate model's calibration, an event / no-event gate on the ensemble's rate u (expected
	 * spikes per model frame, after {@link Network#outputScale}): a run of frames with u above
	 * {@code base} is an event, kept as {@code gain * u} when its peak passes
	 * {@code floor}; every other frame is 0 (see {@code EventGate.Calibration}). Also the ranges
	 * of noise levels and event sizes the model was trained on, to say when a recording lies
	 * outside them.
	 */
	public static final class Calibration {
		/** How base, floor and gain were fitted. */
		public String method;
		/** What the ensemble typically gives on noise alone, per model frame. */
		public double base;
		/** The peak an event must pass, per model frame (noise alone rarely reaches it). */
		public double floor;
		/** Factor applied to the rate above the floor. */
		public double gain = 1;
		/**
		 * The quantile of the ensemble's rate on white noise that the floor is; at another
		 * recording rate, base and floor are measured again on white noise at that rate.
		 */
		public double quantile = Double.NaN;
		/**
		 * The quantile of the ensemble's rate on white noise that the base is, where an event's run
		 * begins and ends; absent (NaN) in models written before it was stored, which used the
		 * median.
		 */
		public double baseQuantile = Double.NaN;
		/**
		 * Window (s) of the slow-drift removal applied to a trace before inference ({@code
		 * Detrend}); 0 for none, as in models written before it existed.
		 */
		public double detrendS;
		/** Lowest CASCADE noise level of the training neurons (see SpikeStatistics.noiseLevel). */
		public double noiseLevelMin = Double.NaN;
		/** Highest CASCADE noise level of the training neurons. */
		public double noiseLevelMax = Double.NaN;
		/**
		 * Slower recording rates (Hz, ascending) at which the gain was fitted again, on the training
		 * neurons recorded at that rate; absent in models written before it existed (the model
		 * rate's gain then serves every rate).
		 */
		public double[] gainRatesHz;
		/** The gain at each of {@link #gainRatesHz}. */
		public double[] gains;
		/**
		 * Recording rates (Hz, ascending) at which the event sizes of the traces the gains were
		 * fitted on were measured: each of {@link #gainRatesHz}, or the model's rate alone; absent
		 * in models written before it existed (no event size is then checked).
		 */
		public double[] eventSizeRatesHz;
		/**
		 * The smallest event size at each of {@link #eventSizeRatesHz}: the 0.999 quantile of a
		 * trace freed of drift, in its noise sd above its median ({@code EventSizes}).
		 */
		public double[] eventSizeMin;
		/** The largest event size at each of {@link #eventSizeRatesHz}. */
		public double[] eventSizeMax;
		/**
		 * How the training neurons' inferred over recorded spikes rose with their event size: b of
		 * log(ratio) = a + b log(event size), at the model's rate. Counts of a trace whose event
		 * size lies outside the range are scaled by it ({@code EventSizes.factor}); absent (null)
		 * in models written before it existed, whose counts are not scaled.
		 */
		public Double eventSizeSlope;
	}

	/** Window spec. */
	/** A neuron detector's inputs, outputs and instance settings. */
	public static final class Detector {
		/** Input channels, in order (see the detect package). */
		public List<String> channels = new ArrayList<>();
		/** Output maps, in order. */
		public List<String> maps = new ArrayList<>();
		/** Smallest centre peak of a neuron. */
		public double threshold;
		/** Smallest neuron (pixels). */
		public int minArea;
		/** Largest distance of a neuron's pixel from its centre (px). */
		public double maxRadius;
		/** Training images: movie file names with their annotation files. */
		public List<String> movies = new ArrayList<>();
	}

	public static final class Window {
		/** Bins before the centre. */
		public int before;
		/** Bins after the centre. */
		public int after;
		/** Minimum centre spike count for "spike". */
		public int spikeN;
		/** Centre stride during training. */
		public int stride;

		/** @return the bins of one window: before + 1 + after */
		public int length() {
			return before + 1 + after;
		}
	}

	/** A file with its content hash. */
	public static final class FileRef {
		/** File name. */
		public String file;
		/** Lowercase hex SHA-256 of the content. */
		public String sha256;

		/** Creates an empty reference (for JSON). */
		public FileRef() {}

		/** Creates a reference. */
		public FileRef(String file, String sha256) {
			this.file = file;
			this.sha256 = sha256;
		}
	}

	/** Training provenance and results. */
	public static final class Training {
		/** Calcium and spike files trained on (validation neurons included, see validation). */
		public List<FileRef> inputs = new ArrayList<>();
		/** Neurons used for training, as "recording/label". */
		public List<String> trainingNeurons = new ArrayList<>();
		/** Neurons held out for validation. */
		public List<String> validationNeurons = new ArrayList<>();
		/** How validation neurons were chosen. */
		public String validation;
		/** Seed of sampling, shuffling and initialisation. */
		public long seed;
		/** Balanced training samples (0 = all). */
		public int samples;
		/** Epochs asked for. */
		public int epochs;
		/** Epochs completed (fewer when stopped). */
		public int epochsCompleted;
		/** Batch size. */
		public int batchSize;
		/** Adam's learning rate. */
		public double learningRate;
		/** Augmentation: largest added noise sd and log-amplitude sd. */
		public double augmentNoise;
		/** Augmentation: sd of the log amplitude factor. */
		public double augmentScale;
		/** Augmentation: time-stretch range (rate model). */
		public double augmentStretch;
		/** Gaussian smoothing of target spike counts, s (rate model). */
		public double smoothingS;
		/** Weight of (1 - correlation at 25 Hz) added to the MSE loss (rate model). */
		public double correlationWeight;
		/** Weight of the Poisson deviance of the 25 Hz sums in the loss (rate model). */
		public double poissonWeight;
		/** Fraction of training crops with simulated-indicator calcium (rate model). */
		public double synthetic;
		/** Fraction of training crops recorded again at a lower frame rate (rate model). */
		public double lowRate;
		/** Ensemble members, the last ones, trained without augmentation (rate model). */
		public int cleanMembers;
		/** Crop length, frames (rate model). */
		public int cropLength;
		/** One entry per completed epoch. */
		public List<Map<String, Double>> history = new ArrayList<>();
		/** Validation metrics of the saved parameters. */
		public Map<String, Double> metrics = new LinkedHashMap<>();
	}
}
