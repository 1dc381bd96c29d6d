# Shared by scripts/build-update-site and scripts/install-into-fiji (sourced, not run).
# dist_files ROOT: builds CalSpike's jar, fetches the runtime jars Fiji does not ship and the
# libtorch native jars of three platforms, and writes ROOT/target/dist/files.tsv:
#   fiji/path<TAB>local/file[<TAB>platform]
# Jars Fiji already ships (ImageJ, SciJava, ImgLib2, JFreeChart, JFreeSVG, Commons CSV, Gson, EJML,
# JNA, commons-io, commons-codec, commons-compress, SLF4J API): every artifact pom-scijava manages
# is left out (DistShipTest checks DIST_SHIP and files.tsv against it); slf4j-simple never goes
# into Fiji.

# Artifacts CalSpike adds to Fiji: groupId:artifactId
DIST_SHIP="ai.djl:api ai.djl.pytorch:pytorch-engine ai.djl.pytorch:pytorch-jni \
de.bwaldvogel:liblinear us.hebi.matlab.mat:mfl-core"
# libtorch natives: Maven classifier = Fiji platform folder
DIST_NATIVES="linux-x86_64=linux64 win-x86_64=win64 osx-aarch64=macos-arm64"

dist_files() {
	local root="$1" dist="$1/target/dist"
	rm -rf "$dist" && mkdir -p "$dist/deps" "$dist/natives"
	mvn -B -q -f "$root/pom.xml" -DskipTests package >/dev/null
	local jar
	jar="$(ls "$root"/target/calspike-*.jar | grep -v -e sources -e javadoc -e tests | head -n 1)"
	local ga include=""
	for ga in $DIST_SHIP; do include="$include,${ga#*:}"; done
	mvn -B -q -f "$root/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
		-DincludeArtifactIds="${include#,}" -DexcludeClassifiers=linux-x86_64 \
		-DoutputDirectory="$dist/deps" >/dev/null
	local pytorch_version
	pytorch_version="$(sed -n 's:.*<pytorch.version>\(.*\)</pytorch.version>.*:\1:p' "$root/pom.xml")"
	{
		printf 'jars/%s\t%s\n' "$(basename "$jar")" "$jar"
		local f
		for f in "$dist"/deps/*.jar; do printf 'jars/%s\t%s\n' "$(basename "$f")" "$f"; done
		local pair classifier platform
		for pair in $DIST_NATIVES; do
			classifier="${pair%%=*}" platform="${pair#*=}"
			mvn -B -q -f "$root/pom.xml" dependency:copy \
				-Dartifact="ai.djl.pytorch:pytorch-native-cpu:$pytorch_version:jar:$classifier" \
				-DoutputDirectory="$dist/natives" >/dev/null
			f="$dist/natives/pytorch-native-cpu-$pytorch_version-$classifier.jar"
			printf 'jars/%s/%s\t%s\t%s\n' "$platform" "$(basename "$f")" "$f" "$platform"
		done
	} > "$dist/files.tsv"
}

# The optional CalSpike-TensorFlow site ("Run TensorFlow Model"): DJL's TensorFlow engine, the
# TensorFlow Java API it bundles, protobuf-java at pom-scijava's version (javacpp 1.5.10 is in
# Fiji), and TensorFlow Java's natives (TensorFlow 2.16.2) of five platforms.
DIST_TF_SHIP="ai.djl.tensorflow:tensorflow-engine ai.djl.tensorflow:tensorflow-api \
com.google.protobuf:protobuf-java"
# Maven classifier = Fiji platform folder
DIST_TF_NATIVES="linux-x86_64=linux64 linux-arm64=linux-arm64 windows-x86_64=win64 \
macosx-arm64=macos-arm64 macosx-x86_64=macosx"

# dist_tensorflow_files ROOT: writes ROOT/target/dist-tensorflow/files.tsv (same form as above).
dist_tensorflow_files() {
	local root="$1" dist="$1/target/dist-tensorflow"
	rm -rf "$dist" && mkdir -p "$dist/deps" "$dist/natives"
	local ga include=""
	for ga in $DIST_TF_SHIP; do include="$include,${ga#*:}"; done
	mvn -B -q -f "$root/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
		-DincludeArtifactIds="${include#,}" -DoutputDirectory="$dist/deps" >/dev/null
	local version
	version="$(sed -n 's:.*<tensorflow-native.version>\(.*\)</tensorflow-native.version>.*:\1:p' "$root/pom.xml")"
	{
		local f pair classifier platform
		# the engine first: the site's main file, which depends on the others
		for f in "$dist"/deps/tensorflow-engine-*.jar "$dist"/deps/tensorflow-api-*.jar \
			"$dist"/deps/protobuf-java-*.jar; do printf 'jars/%s\t%s\n' "$(basename "$f")" "$f"; done
		for pair in $DIST_TF_NATIVES; do
			classifier="${pair%%=*}" platform="${pair#*=}"
			mvn -B -q -f "$root/pom.xml" dependency:copy \
				-Dartifact="org.tensorflow:tensorflow-core-native:$version:jar:$classifier" \
				-DoutputDirectory="$dist/natives" >/dev/null
			f="$dist/natives/tensorflow-core-native-$version-$classifier.jar"
			printf 'jars/%s/%s\t%s\t%s\n' "$platform" "$(basename "$f")" "$f" "$platform"
		done
	} > "$dist/files.tsv"
}
