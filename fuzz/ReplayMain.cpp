// Replays a fuzz target's corpus without libFuzzer: each file under the directories (and each
// file) named on the command line goes once through LLVMFuzzerTestOneInput, in name order. A
// target's invariants abort() when broken, so a ctest run of this driver fails on any corpus
// input (or committed crash reproducer) that breaks them again, in the normal and the ASan
// builds. Fails when it finds no input at all: a corpus that vanished is a failure too.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char *argv[])
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QFile::decodeName(argv[i]);
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        } else if (QFileInfo::exists(path)) {
            files << path;
        } else {
            std::fprintf(stderr, "fuzz replay: %s does not exist\n", argv[i]);
            return 2;
        }
    }
    files.sort();
    if (files.isEmpty()) {
        std::fprintf(stderr, "fuzz replay: no inputs\n");
        return 2;
    }
    for (const QString &name : std::as_const(files)) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "fuzz replay: cannot read %s\n", qPrintable(name));
            return 2;
        }
        const QByteArray bytes = file.readAll();
        std::printf("%s (%lld bytes)\n", qPrintable(QFileInfo(name).fileName()),
                    static_cast<long long>(bytes.size()));
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()),
                               static_cast<size_t>(bytes.size()));
    }
    std::printf("fuzz replay: %lld inputs, every invariant held\n",
                static_cast<long long>(files.size()));
    return 0;
}
