#pragma once

#include "document.h" // QPointer needs the whole class
#include "entropysampler.h"
#include "jobrunner.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace hexmap {

// A strip beside the residency strip that shows the entropy of the map along its length,
// one pixel row per equal share of the map: dark for runs of one value (0 bits per byte),
// blue for text, red for compressed or encrypted data (8 bits), grey where the bytes
// are gone. Each row measures only kSampleBytes bytes at the start of its share, so a
// sampling reads at most height × kSampleBytes bytes whatever the map's size; it runs off
// the UI thread after the document changes or the strip is resized, never on a timer, so
// an idle window costs nothing. Destroying the strip never waits for a sampling.
class EntropyStrip : public QWidget
{
    Q_OBJECT

public:
    static constexpr qint64 kSampleBytes = 4096;
    // Edits come in bursts (typing): sample once the burst is over.
    static constexpr int kAfterChangeMs = 300;

    explicit EntropyStrip(QWidget *parent = nullptr);
    ~EntropyStrip() override;

    void setDocument(Document *document);
    // Samples now, or as soon as the running sampling ends.
    void refresh();

    // The last sampling (for tests and the tooltip).
    [[nodiscard]] const EntropySamples &samples() const { return m_samples; }
    [[nodiscard]] bool isSampling() const { return m_job.isRunning(); }
    // The colour of an entropy (bits per byte, NaN for missing bytes).
    [[nodiscard]] static QColor colorOf(float bits);

    [[nodiscard]] QSize sizeHint() const override { return {10, 100}; }

signals:
    void sampled();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool event(QEvent *event) override;

private:
    void finishSampling();

    QPointer<Document> m_document;
    QTimer m_soonTimer;
    Job<EntropySamples> m_job;
    EntropySamples m_samples;
    bool m_again = false;
};

} // namespace hexmap
