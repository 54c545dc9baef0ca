/**
 * One outlet, one name. Crawlers and scripts often name an outlet by its web address, and write
 * the same address in several ways ("philly.com", "philly.com:80", "https://www.Philly.com/"):
 * counted as written, one outlet's follow-ups would corroborate each other as independent
 * outlets. An outlet named by an address is named by its host alone, lower-case, without "www."
 * and without a port; any other name ("Reuters", "Outlet A") is kept as written.
 */
export function outletName(name: string): string {
  const address = /^(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63})\.?(?::\d{1,5})?(?:\/.*)?$/i.exec(name.trim());
  return address ? address[1].toLowerCase() : name;
}
