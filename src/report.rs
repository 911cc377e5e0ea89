//! Reports: an [`Evaluation`] rendered as text, Markdown, JSON or a self-contained HTML page.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::evaluate::{Evaluation, Metrics};
use crate::label::Stance;

/// Output formats of the evaluation report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Aligned plain-text tables for a terminal.
    Text,
    /// GitHub-flavoured Markdown tables.
    Markdown,
    /// One JSON object (see [`to_json`]).
    Json,
    /// One self-contained HTML page with SVG charts.
    Html,
}

/// Renders `evaluation` in `format`.
pub fn render(evaluation: &Evaluation, format: ReportFormat) -> String {
    match format {
        ReportFormat::Text => render_tables(evaluation, false),
        ReportFormat::Markdown => render_tables(evaluation, true),
        ReportFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(&to_json(evaluation)).expect("report serialises");
            s.push('\n');
            s
        }
        ReportFormat::Html => render_html(evaluation),
    }
}

fn round(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn metrics_json(m: &Metrics) -> Value {
    let per_class: serde_json::Map<String, Value> = Stance::ALL
        .iter()
        .map(|s| {
            let c = &m.per_class[s.index()];
            (
                s.as_str().to_string(),
                json!({"precision": round(c.precision), "recall": round(c.recall), "f1": round(c.f1), "support": c.support}),
            )
        })
        .collect();
    json!({
        "examples": m.examples,
        "labels": Stance::ALL.map(|s| s.as_str()),
        "accuracy": round(m.accuracy),
        "macro_f1": round(m.macro_f1),
        "f_avg": round(m.f_avg),
        "per_class": per_class,
        "confusion": m.confusion,
    })
}

/// The report as JSON: `examples`, `labels`, `accuracy`, `macro_f1`, `f_avg`, `per_class`,
/// `confusion` (rows gold, columns predicted), `baseline`, plus `source`, `calibration`,
/// `top_features` and `misclassified`. Numbers are rounded to 4 decimals.
pub fn to_json(e: &Evaluation) -> Value {
    let mut v = metrics_json(&e.metrics);
    let obj = v.as_object_mut().expect("object");
    obj.insert(
        "baseline".into(),
        json!({"label": e.baseline.label.as_str(), "accuracy": round(e.baseline.accuracy), "macro_f1": round(e.baseline.macro_f1)}),
    );
    obj.insert("source".into(), json!(e.source));
    if let Some(d) = &e.detection {
        obj.insert(
            "actor_detection".into(),
            json!({"detected": d.detected, "gold": d.gold, "matched": d.matched,
                   "precision": round(d.precision), "recall": round(d.recall)}),
        );
    }
    obj.insert(
        "calibration".into(),
        json!({
            "ece": round(e.calibration.ece),
            "bins": e.calibration.bins.iter().map(|b| json!({
                "lower": round(b.lower), "upper": round(b.upper), "count": b.count,
                "confidence": round(b.confidence), "accuracy": round(b.accuracy)
            })).collect::<Vec<_>>()
        }),
    );
    if let Some(top) = &e.top_features {
        let map: serde_json::Map<String, Value> = Stance::ALL
            .iter()
            .map(|s| {
                let list: Vec<Value> = top[s.index()]
                    .iter()
                    .map(|(f, w)| json!([f, round(*w)]))
                    .collect();
                (s.as_str().to_string(), Value::Array(list))
            })
            .collect();
        obj.insert("top_features".into(), Value::Object(map));
    }
    obj.insert(
        "misclassified".into(),
        e.misclassified
            .iter()
            .map(|m| {
                json!({
                    "location": m.location, "text": m.text, "actor": m.actor,
                    "gold": m.gold.as_str(), "predicted": m.prediction.stance.as_str(),
                    "probability": round(m.prediction.confidence()),
                    "features": m.features.iter().map(|(f, c)| json!([f, round(*c)])).collect::<Vec<_>>()
                })
            })
            .collect(),
    );
    v
}

/// A table with a header row; Markdown or space-aligned text.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn render(&self, markdown: bool, out: &mut String) {
        if markdown {
            let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
            out.push_str(&line(&self.header));
            out.push_str(&format!("|{}\n", "---|".repeat(self.header.len())));
            self.rows.iter().for_each(|r| out.push_str(&line(r)));
        } else {
            let widths: Vec<usize> = (0..self.header.len())
                .map(|c| {
                    std::iter::once(&self.header)
                        .chain(&self.rows)
                        .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for row in std::iter::once(&self.header).chain(&self.rows) {
                let cells: Vec<String> = row
                    .iter()
                    .enumerate()
                    .map(|(c, s)| {
                        if c == 0 {
                            format!("{s:<w$}", w = widths[c])
                        } else {
                            format!("{s:>w$}", w = widths[c])
                        }
                    })
                    .collect();
                out.push_str(cells.join("  ").trim_end());
                out.push('\n');
            }
        }
        out.push('\n');
    }
}

fn f4(x: f64) -> String {
    format!("{x:.4}")
}

fn render_tables(e: &Evaluation, markdown: bool) -> String {
    let mut out = String::new();
    let heading = |out: &mut String, title: &str| {
        if markdown {
            let _ = writeln!(out, "## {title}\n");
        } else {
            let _ = writeln!(out, "{title}\n{}", "-".repeat(title.len()));
        }
    };
    if markdown {
        let _ = writeln!(
            out,
            "# Stance evaluation\n\n{}, {} examples\n",
            e.source, e.metrics.examples
        );
    } else {
        let _ = writeln!(
            out,
            "Stance evaluation: {}, {} examples\n",
            e.source, e.metrics.examples
        );
    }
    let m = &e.metrics;
    heading(&mut out, "Summary");
    let mut summary = Table::new(&["", "accuracy", "macro-F1", "F_avg"]);
    summary.row(vec![
        "model".into(),
        f4(m.accuracy),
        f4(m.macro_f1),
        f4(m.f_avg),
    ]);
    let baseline_name = format!("majority baseline ({})", e.baseline.label);
    summary.row(vec![
        baseline_name,
        f4(e.baseline.accuracy),
        f4(e.baseline.macro_f1),
        "".into(),
    ]);
    summary.render(markdown, &mut out);

    if let Some(d) = &e.detection {
        heading(&mut out, "Actor detection");
        let mut detection =
            Table::new(&["gold actors", "found", "detected", "precision", "recall"]);
        detection.row(vec![
            d.gold.to_string(),
            d.matched.to_string(),
            d.detected.to_string(),
            f4(d.precision),
            f4(d.recall),
        ]);
        detection.render(markdown, &mut out);
    }

    heading(&mut out, "Per stance");
    let mut per = Table::new(&["stance", "precision", "recall", "F1", "support"]);
    for s in Stance::ALL {
        let c = &m.per_class[s.index()];
        per.row(vec![
            s.to_string(),
            f4(c.precision),
            f4(c.recall),
            f4(c.f1),
            c.support.to_string(),
        ]);
    }
    per.render(markdown, &mut out);

    heading(&mut out, "Confusion matrix (rows gold, columns predicted)");
    let mut confusion = Table::new(&["gold \\ predicted", "supportive", "opposed", "noncommittal"]);
    for s in Stance::ALL {
        let mut row = vec![s.to_string()];
        row.extend(m.confusion[s.index()].iter().map(|n| n.to_string()));
        confusion.row(row);
    }
    confusion.render(markdown, &mut out);

    heading(
        &mut out,
        &format!(
            "Calibration (expected calibration error {:.4})",
            e.calibration.ece
        ),
    );
    let mut calibration = Table::new(&["confidence", "count", "mean confidence", "accuracy"]);
    for b in e.calibration.bins.iter().filter(|b| b.count > 0) {
        calibration.row(vec![
            format!("{:.1}–{:.1}", b.lower, b.upper),
            b.count.to_string(),
            f4(b.confidence),
            f4(b.accuracy),
        ]);
    }
    calibration.render(markdown, &mut out);

    if let Some(top) = &e.top_features {
        heading(&mut out, "Top features per stance");
        let mut features = Table::new(&["stance", "features (weight)"]);
        for s in Stance::ALL {
            let list: Vec<String> = top[s.index()]
                .iter()
                .take(12)
                .map(|(f, w)| format!("{f} ({w:.2})"))
                .collect();
            features.row(vec![s.to_string(), list.join(", ").replace('|', "\\|")]);
        }
        features.render(markdown, &mut out);
    }

    if !e.misclassified.is_empty() {
        heading(&mut out, "Most confident errors");
        let mut errors = Table::new(&["where", "gold", "predicted", "p", "text", "features"]);
        for w in &e.misclassified {
            let mut text: String = w.text.chars().take(90).collect();
            if w.text.chars().count() > 90 {
                text.push('…');
            }
            let features: Vec<String> = w
                .features
                .iter()
                .map(|(f, c)| format!("{f} ({c:.2})"))
                .collect();
            errors.row(vec![
                w.location.clone(),
                w.gold.to_string(),
                w.prediction.stance.to_string(),
                format!("{:.2}", w.prediction.confidence()),
                if markdown {
                    text.replace('|', "\\|")
                } else {
                    text
                },
                features.join(", "),
            ]);
        }
        errors.render(markdown, &mut out);
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn heatmap_svg(m: &Metrics) -> String {
    let cell = 90.0;
    let (left, top) = (120.0, 40.0);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" aria-label="confusion matrix">"#,
        left + 3.0 * cell + 10.0,
        top + 3.0 * cell + 10.0
    );
    for (k, s) in Stance::ALL.iter().enumerate() {
        let x = left + cell * (k as f64 + 0.5);
        let _ = write!(
            svg,
            r#"<text x="{x}" y="{}" text-anchor="middle" font-size="12">{s}</text>"#,
            top - 10.0
        );
        let y = top + cell * (k as f64 + 0.5);
        let _ = write!(
            svg,
            r#"<text x="{}" y="{y}" text-anchor="end" font-size="12">{s}</text>"#,
            left - 8.0
        );
    }
    for g in 0..3 {
        let support: usize = m.confusion[g].iter().sum();
        for p in 0..3 {
            let n = m.confusion[g][p];
            let share = if support == 0 {
                0.0
            } else {
                n as f64 / support as f64
            };
            let (x, y) = (left + cell * p as f64, top + cell * g as f64);
            let light = 97.0 - 60.0 * share;
            let hue = if g == p { 210 } else { 10 };
            let color = if share > 0.55 { "#fff" } else { "#111" };
            let _ = write!(
                svg,
                r##"<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="hsl({hue},70%,{light:.0}%)" stroke="#fff"/><text x="{}" y="{}" text-anchor="middle" font-size="16" fill="{color}">{n}</text><text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{color}">{:.0}%</text>"##,
                x + cell / 2.0,
                y + cell / 2.0,
                x + cell / 2.0,
                y + cell / 2.0 + 18.0,
                share * 100.0
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

fn reliability_svg(e: &Evaluation) -> String {
    let (w, h, pad) = (320.0, 320.0, 40.0);
    let scale = |v: f64| v * (w - 2.0 * pad);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img" aria-label="reliability diagram"><rect x="{pad}" y="{pad}" width="{}" height="{}" fill="none" stroke="#999"/><line x1="{pad}" y1="{}" x2="{}" y2="{pad}" stroke="#bbb" stroke-dasharray="4"/>"##,
        w - 2.0 * pad,
        h - 2.0 * pad,
        h - pad,
        w - pad
    );
    let bins = &e.calibration.bins;
    for b in bins.iter().filter(|b| b.count > 0) {
        let x = pad + scale(b.lower);
        let bar = scale(b.upper - b.lower) - 2.0;
        let height = scale(b.accuracy);
        let _ = write!(
            svg,
            r##"<rect x="{x:.1}" y="{:.1}" width="{bar:.1}" height="{height:.1}" fill="#4a7bd0" opacity="0.8"><title>{:.1}–{:.1}: {} predictions, accuracy {:.2}, confidence {:.2}</title></rect><circle cx="{:.1}" cy="{:.1}" r="3" fill="#d04a4a"/>"##,
            h - pad - height,
            b.lower,
            b.upper,
            b.count,
            b.accuracy,
            b.confidence,
            pad + scale(b.confidence),
            h - pad - scale(b.confidence)
        );
    }
    let _ = write!(
        svg,
        r#"<text x="{}" y="{}" text-anchor="middle" font-size="12">confidence</text><text x="12" y="{}" font-size="12" transform="rotate(-90 12 {})" text-anchor="middle">accuracy</text></svg>"#,
        w / 2.0,
        h - 10.0,
        h / 2.0,
        h / 2.0
    );
    svg
}

fn render_html(e: &Evaluation) -> String {
    let tables = render_tables(e, true);
    let mut body = String::new();
    // Reuse the Markdown tables, converted line by line into HTML tables.
    let mut in_table = false;
    for line in tables.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            let _ = write!(body, "<h2>{}</h2>", escape(title));
        } else if let Some(title) = line.strip_prefix("# ") {
            let _ = write!(body, "<h1>{}</h1>", escape(title));
        } else if line.starts_with("|---") {
            continue;
        } else if line.starts_with('|') {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split(" | ")
                .map(|c| escape(c.trim().replace("\\|", "|").as_str()))
                .collect();
            let tag = if in_table { "td" } else { "th" };
            if !in_table {
                body.push_str("<table>");
                in_table = true;
            }
            let _ = write!(
                body,
                "<tr>{}</tr>",
                cells
                    .iter()
                    .map(|c| format!("<{tag}>{c}</{tag}>"))
                    .collect::<String>()
            );
        } else if line.is_empty() {
            if in_table {
                body.push_str("</table>");
                in_table = false;
            }
        } else {
            let _ = write!(body, "<p>{}</p>", escape(line));
        }
    }
    if in_table {
        body.push_str("</table>");
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Stance evaluation</title>
<style>body{{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}}
table{{border-collapse:collapse;margin:0 0 1.5em}}td,th{{border:1px solid #ddd;padding:4px 8px;font-size:14px;text-align:right}}
td:first-child,th:first-child{{text-align:left}}th{{background:#f3f5f8}}.charts{{display:flex;gap:3em;flex-wrap:wrap}}
figure{{margin:0}}figcaption{{font-size:13px;color:#555}}</style></head>
<body><div class="charts"><figure>{heat}<figcaption>Confusion matrix: rows gold, columns predicted; shade = share of the gold row.</figcaption></figure>
<figure>{rel}<figcaption>Reliability: bars = accuracy per confidence bin, dots = mean confidence; diagonal = perfect calibration.</figcaption></figure></div>
{body}
</body></html>
"#,
        heat = heatmap_svg(&e.metrics),
        rel = reliability_svg(e),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::{Baseline, Calibration};
    use crate::model::Prediction;

    fn evaluation() -> Evaluation {
        use Stance::*;
        let gold = [Supportive, Opposed, Noncommittal, Supportive];
        let predictions = [
            Prediction::from_probabilities([0.7, 0.2, 0.1]),
            Prediction::from_probabilities([0.3, 0.6, 0.1]),
            Prediction::from_probabilities([0.5, 0.2, 0.3]),
            Prediction::from_probabilities([0.8, 0.1, 0.1]),
        ];
        let predicted: Vec<Stance> = predictions.iter().map(|p| p.stance).collect();
        Evaluation {
            source: "test <model>".into(),
            metrics: Metrics::compute(&gold, &predicted),
            baseline: Baseline::majority([2, 1, 1], &gold),
            calibration: Calibration::compute(&gold, &predictions, 10),
            top_features: Some([
                vec![("back".into(), 1.5)],
                vec![("reject".into(), 2.0)],
                vec![],
            ]),
            misclassified: vec![],
            predictions: predictions.to_vec(),
            detection: None,
        }
    }

    #[test]
    fn json_has_the_documented_shape() {
        let v = to_json(&evaluation());
        assert_eq!(v["examples"], 4);
        assert_eq!(
            v["labels"],
            json!(["supportive", "opposed", "noncommittal"])
        );
        assert_eq!(v["accuracy"], 0.75);
        assert_eq!(v["per_class"]["supportive"]["precision"], 0.6667);
        assert_eq!(v["per_class"]["noncommittal"]["support"], 1);
        assert_eq!(v["confusion"], json!([[2, 0, 0], [0, 1, 0], [1, 0, 0]]));
        assert_eq!(v["baseline"]["label"], "supportive");
        assert_eq!(v["baseline"]["accuracy"], 0.5);
        assert!(v["macro_f1"].is_number() && v["f_avg"].is_number());
    }

    #[test]
    fn text_markdown_and_html_show_the_tables() {
        let e = evaluation();
        let text = render(&e, ReportFormat::Text);
        assert!(text.contains("majority baseline (supportive)"), "{text}");
        assert!(text.contains("noncommittal"));
        let md = render(&e, ReportFormat::Markdown);
        assert!(
            md.contains("| stance | precision | recall | F1 | support |"),
            "{md}"
        );
        let html = render(&e, ReportFormat::Html);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<svg") && html.contains("reliability diagram"));
        assert!(html.contains("test &lt;model&gt;"), "escapes text");
        assert!(
            !html.contains("<script") && !html.contains("src=") && !html.contains("<link"),
            "self-contained"
        );
    }
}
