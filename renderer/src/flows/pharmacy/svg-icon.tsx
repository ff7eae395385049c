/**
 * Inlines one of the kiosk's own content icons (checked SVG files from
 * resources/pharmacy/icons, served by our services, never visitor input) so
 * `currentColor` follows the theme.
 */
export function SvgIcon({ svg, className }: { svg: string; className?: string }) {
  return <span className={className ?? 'svg-icon'} aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />;
}
