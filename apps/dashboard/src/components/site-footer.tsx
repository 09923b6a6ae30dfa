export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>Dealgraph: deal intelligence from news articles, down to the quote.</p>
        <p>Figures come from the Dealgraph GraphQL API.</p>
      </div>
    </footer>
  );
}
