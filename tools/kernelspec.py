#!/usr/bin/python3
"""Write the Jupyter kernelspec of the Kotlin kernel with Tessera on its classpath.

One place for the kernel's command line, used by the launcher (./tessera) and by NotebooksIT:

    kernelspec.py --jupyter-dir DIR --classpath-file FILE --home DIR [--name tessera]
                  [--class-archive FILE] [--jvm-option=OPTION]...

writes DIR/kernels/NAME/kernel.json; point JUPYTER_PATH at DIR to use it. The classpath file
holds every jar, ':'-joined (as written by `mvn dependency:build-classpath`); no wildcards.
--class-archive names the kernel's class-data-sharing archive (tools/kernel_class_archive.py
builds it); it is used when the file exists. --jvm-option adds a JVM flag (tests use it to log).
"""
import argparse
import json
import os
import shutil
import sys

KERNEL_MAIN = "org.jetbrains.kotlinx.jupyter.IkotlinKt"
TOOLS = os.path.dirname(os.path.abspath(__file__))
# the Spark module's build folder: tessera-spark.jar, its lib/ and jvm.options (mvn install writes them)
SPARK_HOME = os.path.join(os.path.dirname(TOOLS), "spark", "target")


def read_classpath(path):
    with open(path, encoding="utf-8") as f:
        entries = [e for e in f.read().strip().split(os.pathsep) if e]
    missing = [e for e in entries if not os.path.exists(e)]
    if not entries or missing:
        sys.exit(f"kernelspec: classpath in {path} is empty or lists missing files: {missing[:5]}")
    if not any(os.path.basename(e).startswith("kotlin-jupyter-kernel-") for e in entries):
        sys.exit(f"kernelspec: no kotlin-jupyter-kernel jar in {path}")
    return os.pathsep.join(os.path.abspath(e) for e in entries)


def find_java():
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.access(java, os.X_OK):
        sys.exit("kernelspec: no java found (set JAVA_HOME or put java on PATH)")
    return os.path.realpath(java)


# The kernel's JVM compiles Java with C1 only (no C2). A notebook's Java time is mostly the kernel's
# Kotlin compiler warming up on each new kind of cell; with C2 on a small machine its compile
# threads compete with the cells for the cores. Tessera's heavy work runs in libtorch (native code),
# which the flag does not touch. Measured on 2 cores (bench/results/kernel-jvm-options.md): notebooks
# 01 + 04 headless took 36.5-38.9 s with C1 and the class archive, 43-49 s with either alone, 57-60 s
# with neither.
KERNEL_JIT = ["-XX:TieredStopAtLevel=1"]
# The flag that points the JVM at the class archive (tools/kernel_class_archive.py writes it)
ARCHIVE_FLAG = "-XX:SharedArchiveFile="


def kernel_spec(java, classpath, home, display_name, class_archive=None, jvm_options=()):
    # The JVM classpath lets the kernel find library descriptors and its own classes;
    # -classpath= is what notebook code compiles and runs against. Both get every jar.
    # The class archive holds the classes a session loads, already parsed and verified; the JVM
    # checks that it matches this JVM and classpath and ignores it (with a warning) otherwise.
    archive = [ARCHIVE_FLAG + class_archive] if class_archive and os.path.isfile(class_archive) else []
    return {
        "argv": [
            java,
            *KERNEL_JIT,
            *archive,
            *jvm_options,
            "-Djava.awt.headless=true",
            "-Dlogback.configurationFile=" + os.path.join(TOOLS, "kernel-logback.xml"),
            "-cp", classpath,
            KERNEL_MAIN,
            "-classpath=" + classpath,
            "{connection_file}",
            "-home=" + home,
        ],
        "display_name": display_name,
        "language": "kotlin",
        "interrupt_mode": "message",
        # read by libtorch's oneDNN when it loads: its AVX-512 convolution backward returns non-finite
        # gradients, the AVX2 kernels do not (engine: dev.tessera.engine.nn.ConvolutionPath)
        # and libtorch's C++ warnings (NNPACK's "Unsupported hardware", once per call site) stay out of cells
        # and %tessera corpus starts the Spark module's job from its build folder (engine: CorpusJob)
        "env": {"ONEDNN_MAX_CPU_ISA": os.environ.get("ONEDNN_MAX_CPU_ISA", "AVX2"),
                "TORCH_CPP_LOG_LEVEL": os.environ.get("TORCH_CPP_LOG_LEVEL", "ERROR"),
                "TESSERA_SPARK_HOME": os.environ.get("TESSERA_SPARK_HOME", SPARK_HOME)},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jupyter-dir", required=True, help="folder to put on JUPYTER_PATH")
    parser.add_argument("--classpath-file", required=True, help="':'-joined jars of kernel + Tessera")
    parser.add_argument("--home", required=True, help="the kernel's home folder (its caches)")
    parser.add_argument("--name", default="tessera")
    parser.add_argument("--display-name", default="Kotlin (Tessera)")
    parser.add_argument("--class-archive", help="the kernel's class-data-sharing archive, used when it exists")
    parser.add_argument("--jvm-option", action="append", default=[], help="one more JVM flag (repeatable)")
    args = parser.parse_args()

    archive = os.path.abspath(args.class_archive) if args.class_archive else None
    spec = kernel_spec(find_java(), read_classpath(args.classpath_file),
                       os.path.abspath(args.home), args.display_name, archive, args.jvm_option)
    folder = os.path.join(os.path.abspath(args.jupyter_dir), "kernels", args.name)
    os.makedirs(folder, exist_ok=True)
    os.makedirs(args.home, exist_ok=True)
    with open(os.path.join(folder, "kernel.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=1)
        f.write("\n")
    print(folder)


if __name__ == "__main__":
    main()
