import { Link } from 'react-router';
import { BrandMark } from '../app/BrandMark';
import type { MeQuery } from '../generated/graphql';
import { ROLE_LABELS } from '../session/labels';
import { SignOutButton } from './SignOutButton';

type Member = NonNullable<MeQuery['me']>;

export function AppHeader({ member }: { member: Member }) {
  return (
    <header className="app-header">
      <Link to="/" className="app-header-home" aria-label="Service Programme home">
        <BrandMark />
      </Link>
      <div className="app-header-member">
        <p className="member">
          <span className="member-name">{member.name}</span>
          <span className="member-role">{ROLE_LABELS[member.role]}</span>
        </p>
        <SignOutButton />
      </div>
    </header>
  );
}
