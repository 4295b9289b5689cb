import { Link, NavLink } from 'react-router';
import { BrandMark } from '../app/BrandMark';
import type { MeQuery } from '../generated/graphql';
import { homeOf, mayEnter } from '../session/access';
import { ROLE_LABELS } from '../session/labels';
import { SignOutButton } from './SignOutButton';

type Member = NonNullable<MeQuery['me']>;

export function AppHeader({ member }: { member: Member }) {
  return (
    <header className="app-header">
      <Link to={homeOf(member.role)} className="app-header-home" aria-label="Service Programme home">
        <BrandMark />
      </Link>
      <nav aria-label="Main" className="app-nav">
        {mayEnter(member.role, 'programme') && <NavLink to="/programme">Programme</NavLink>}
        {mayEnter(member.role, 'consultancy') && (
          <>
            <NavLink to="/" end>
              Home
            </NavLink>
            <NavLink to="/actions">Actions</NavLink>
          </>
        )}
        {mayEnter(member.role, 'members') && <NavLink to="/admin">Admin</NavLink>}
      </nav>
      <div className="app-header-member">
        <p className="member">
          <span className="member-name">{member.name}</span>
          <span className="member-role">{ROLE_LABELS[member.role]}</span>
        </p>
        {mayEnter(member.role, 'emailSettings') && (
          <NavLink to="/settings/email" className="app-header-settings">
            Email settings
          </NavLink>
        )}
        <SignOutButton />
      </div>
    </header>
  );
}
