import { NavLink } from 'react-router';
import { NAV_ITEMS } from '../../config/routes';
import { cn } from '../../lib/cn';

/** Header navigation from laptop width (lg) up; below it the links would push the wallet button off a tablet screen. */
export function HeaderNav() {
  return (
    <nav aria-label="Main" className="hidden lg:block">
      <ul className="flex items-center gap-1">
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.to === '/'}
              className={({ isActive }) =>
                cn(
                  'rounded-md px-3 py-2 text-sm font-medium',
                  isActive
                    ? 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200'
                    : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Bottom tab bar on phones, where the header has no room for the links. Each link is named by the short label it
 * shows, so what a screen reader says and what voice control users read out agree.
 */
export function PhoneNav() {
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-zinc-200 bg-white/95 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-950/95"
    >
      <ul className="grid grid-cols-7">
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.to === '/'}
              className={({ isActive }) =>
                cn(
                  'flex flex-col items-center gap-0.5 py-2 text-[11px] font-medium',
                  isActive ? 'text-violet-700 dark:text-violet-300' : 'text-zinc-600 dark:text-zinc-400',
                )
              }
            >
              <span aria-hidden="true" className="text-base leading-none">
                {item.icon}
              </span>
              {item.short}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
