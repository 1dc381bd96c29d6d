# Shared by scripts/build-update-site and scripts/install-into-fiji (sourced, not run).
# dist_files ROOT: builds CalSpike's jar, fetches the runtime jars Fiji does not ship and the
# libtorch native jars of three platforms, and writes ROOT/target/dist/files.tsv:
#   fiji/path<TAB>local/file[<TAB>platform]
# Jars Fiji already ships (ImageJ, SciJava, ImgLib2, JFreeChart, Gson, EJML, JNA, commons-io,
# commons-codec, commons-compress, SLF4J API) are left out; slf4j-simple never goes into Fiji.

# Artifacts CalSpike adds to Fiji: groupId:artifactId
DIST_SHIP="ai.djl:api ai.djl.pytorch:pytorch-engine ai.djl.pytorch:pytorch-jni \
de.bwaldvogel:liblinear org.apache.commons:commons-csv org.jfree:org.jfree.svg"
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
