/// The frame every page shares: head with styles, site header, content, footer, scripts.
struct PageTemplate {
    var settings: SiteSettings

    func page(title: String, language: String, content: String, usesMath: Bool) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.htmlEscaped)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title.htmlEscaped)</title>
            <link rel="stylesheet" href="assets/lemma.css">

            """
        if usesMath { html += "<link rel=\"stylesheet\" href=\"katex/katex.min.css\">\n" }
        html += """
            </head>
            <body>
            <header class="site"><a href="index.html">\(settings.title.htmlEscaped)</a></header>
            <main>
            \(content)
            </main>
            <footer class="site"><p>Every claim on this site was checked by running it. Built with Lemma.</p></footer>

            """
        if usesMath { html += MathHTML.script + "\n" }
        return html + "</body>\n</html>\n"
    }
}
